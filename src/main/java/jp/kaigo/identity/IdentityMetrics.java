package jp.kaigo.identity;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Refused credentials as operations see them: staff sign-ins refused ({@code kaigo.signin.refused}) and My
 * Number card answers refused ({@code kaigo.card.refused}); a rise in either is the first sign of guessing
 * or of a broken reader. Counts only: which account or card is never part of a metric.
 */
@Component
class IdentityMetrics implements MeterBinder {
    static final LongAdder SIGN_IN_REFUSALS = new LongAdder();
    static final LongAdder CARD_REFUSALS = new LongAdder();

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("kaigo.signin.refused", SIGN_IN_REFUSALS, LongAdder::doubleValue)
                .description("staff sign-ins refused (wrong password or code, locked, disabled)").register(registry);
        FunctionCounter.builder("kaigo.card.refused", CARD_REFUSALS, LongAdder::doubleValue)
                .description("My Number card answers refused (certificate, signature, challenge, link)").register(registry);
    }
}
