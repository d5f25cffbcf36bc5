package jp.kaigo.api;

import java.util.Collection;
import java.util.List;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The organisation a request comes from, as its client certificate names it. */
record PartyUser(Party party) implements UserDetails {

    static String role(PartyKind kind) {
        return kind.name();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role(party.kind())));
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return party.toString();
    }

    boolean isMunicipality(String insurerNo) {
        return party.kind() == PartyKind.MUNICIPALITY && party.number().equals(insurerNo);
    }

    /** Refuses unless the caller is the municipality with this 保険者番号. */
    void requireMunicipality(String insurerNo) {
        if (!isMunicipality(insurerNo)) {
            throw new Forbidden("他の保険者のデータは扱えません");
        }
    }
}
