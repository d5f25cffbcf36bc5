package jp.kaigo.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.TooManyAttempts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast one organisation, and one My Number card, may call (token buckets, Bucket4j). An organisation's
 * requests (API and portal alike) refill at {@code kaigo.limits.organisation-per-second} with a burst of
 * {@code kaigo.limits.organisation-burst}; a card's answers (資格確認 by card, the person's sign-in, a counter
 * link) at {@code kaigo.limits.card-per-minute}. Beyond that the caller gets 429 with Retry-After, and the
 * platform keeps its capacity for everyone else. Per instance: behind a load balancer of N instances an
 * organisation may reach N times the rate, which is what each instance can carry anyway.
 */
@Component
public class RequestLimits {
    /** Buckets are dropped together when this many callers were seen (an idle caller's bucket is full anyway). */
    private static final int MOST_BUCKETS = 100_000;
    private final Map<Party, Bucket> organisations = new ConcurrentHashMap<>();
    private final Map<String, Bucket> cards = new ConcurrentHashMap<>();
    private final Bandwidth organisationLimit;
    private final Bandwidth cardLimit;

    RequestLimits(@Value("${kaigo.limits.organisation-per-second:20}") long perSecond,
            @Value("${kaigo.limits.organisation-burst:200}") long burst,
            @Value("${kaigo.limits.card-per-minute:10}") long cardPerMinute) {
        this.organisationLimit = Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
        this.cardLimit = Bandwidth.builder().capacity(cardPerMinute).refillGreedy(cardPerMinute, Duration.ofMinutes(1)).build();
    }

    /** Takes one request of the organisation's allowance, or refuses with how long to wait. */
    public void takeRequest(Party organisation) {
        take(organisations, organisation, organisationLimit,
                "この組織からの要求が多すぎるため、一時的に受け付けていません。しばらく待ってから再度お試しください");
    }

    /** Takes one answer of the card's allowance (the card's certificate names it), or refuses. */
    void takeCardAnswer(X509Certificate card) {
        take(cards, card.getIssuerX500Principal().getName() + "#" + card.getSerialNumber(), cardLimit,
                "このカードでの読み取りが短時間に多すぎます。1分ほど待ってから再度お試しください");
    }

    private <K> void take(Map<K, Bucket> buckets, K key, Bandwidth limit, String refusal) {
        if (buckets.size() > MOST_BUCKETS) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttempts(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
