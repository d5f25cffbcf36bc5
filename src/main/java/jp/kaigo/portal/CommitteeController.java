package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.CommitteeRoom;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.StaffSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The committee area, the only part of the portal a 介護認定審査会委員 may open (docs/design/certification-online.md
 * §6.4 K1; {@link PortalSecurity} refuses every other staff page to that role): the masked packets of the agendas of
 * the member's boards within their window, and one packet. A packet the member may not know of is "not found".
 */
@Controller
class CommitteeController {
    private final SignedIn signedIn;
    private final CommitteeRoom room;

    CommitteeController(SignedIn signedIn, CommitteeRoom room) {
        this.signedIn = signedIn;
        this.room = room;
    }

    @GetMapping("/portal/committee")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("packets", room.packets(Actor.staff(me)));
        return "portal/committee/home";
    }

    @GetMapping("/portal/committee/packets/{packetId}")
    String packet(HttpServletRequest request, HttpServletResponse response, @PathVariable String packetId,
            Model model) {
        StaffSession me = signedIn.staff(request, response);
        UUID id;
        try {
            id = UUID.fromString(packetId);
        } catch (IllegalArgumentException e) {
            throw new PortalAdvice.PageNotFound();
        }
        Optional<Routed<CommitteeRoom.Packet>> opened = room.open(Actor.staff(me), id);
        if (opened.isEmpty()) {
            throw new PortalAdvice.PageNotFound();
        }
        if (opened.get() instanceof Routed.Denied<CommitteeRoom.Packet> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            return "portal/problem";
        }
        model.addAttribute("me", me);
        CommitteeRoom.Packet packet = ((Routed.Done<CommitteeRoom.Packet>) opened.get()).result();
        // each section is one line, its items joined by " / " (certification.Packets)
        java.util.Map<String, java.util.List<String>> sections = new java.util.LinkedHashMap<>();
        CommitteeRoom.SECTIONS.forEach((key, label) -> {
            String text = packet.sections().get(key);
            if (text != null) {
                sections.put(label, java.util.List.of(text.split(" / ")));
            }
        });
        model.addAttribute("packet", packet);
        model.addAttribute("sections", sections);
        return "portal/committee/packet";
    }
}
