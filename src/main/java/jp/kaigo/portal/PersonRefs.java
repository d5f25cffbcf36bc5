package jp.kaigo.portal;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

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

    /** The session's references, both ways (guarded by itself). */
    private static final class Refs {
        final Map<String, PersonRef> byRef = new HashMap<>();
        final Map<PersonRef, String> byPerson = new HashMap<>();
    }

    static String refer(HttpSession session, String insurerNo, String insuredNo) {
        PersonRef person = new PersonRef(insurerNo, insuredNo);
        Refs refs = refs(session);
        synchronized (refs) {
            String ref = refs.byPerson.get(person);
            if (ref == null) {
                if (refs.byRef.size() >= MAX) {
                    refs.byRef.clear();
                    refs.byPerson.clear();
                }
                byte[] bytes = new byte[12];
                RANDOM.nextBytes(bytes);
                ref = HexFormat.of().formatHex(bytes);
                refs.byRef.put(ref, person);
                refs.byPerson.put(person, ref);
            }
            return ref;
        }
    }

    static PersonRef resolve(HttpSession session, String ref) {
        Refs refs = refs(session);
        synchronized (refs) {
            PersonRef person = refs.byRef.get(ref);
            if (person == null) {
                throw new PortalAdvice.PageNotFound();
            }
            return person;
        }
    }

    private static Refs refs(HttpSession session) {
        synchronized (session) {
            Object refs = session.getAttribute(ATTRIBUTE);
            if (!(refs instanceof Refs)) {
                refs = new Refs();
                session.setAttribute(ATTRIBUTE, refs);
            }
            return (Refs) refs;
        }
    }
}
