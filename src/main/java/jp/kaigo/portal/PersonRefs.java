package jp.kaigo.portal;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a person's numbers out of URLs: pages link to a person by a random reference that means
 * something only inside this browser session.
 */
final class PersonRefs {
    private static final String ATTRIBUTE = PersonRefs.class.getName();
    private static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonRefs() {
    }

    record PersonRef(String insurerNo, String insuredNo) {
    }

    static String refer(HttpSession session, String insurerNo, String insuredNo) {
        PersonRef person = new PersonRef(insurerNo, insuredNo);
        Map<String, PersonRef> refs = refs(session);
        for (var e : refs.entrySet()) {
            if (e.getValue().equals(person)) {
                return e.getKey();
            }
        }
        if (refs.size() >= MAX) {
            refs.clear();
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String ref = HexFormat.of().formatHex(bytes);
        refs.put(ref, person);
        return ref;
    }

    static PersonRef resolve(HttpSession session, String ref) {
        PersonRef person = refs(session).get(ref);
        if (person == null) {
            throw new PortalAdvice.PageNotFound();
        }
        return person;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PersonRef> refs(HttpSession session) {
        synchronized (session) {
            Object refs = session.getAttribute(ATTRIBUTE);
            if (refs == null) {
                refs = new ConcurrentHashMap<String, PersonRef>();
                session.setAttribute(ATTRIBUTE, refs);
            }
            return (Map<String, PersonRef>) refs;
        }
    }
}
