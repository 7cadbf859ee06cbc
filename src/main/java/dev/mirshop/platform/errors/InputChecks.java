package dev.mirshop.platform.errors;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Form fields with characters no form sends (NUL and the other C0 controls but tab, CR and LF): 400, before any
 * resource sees them. One check for every form of the shop instead of a patch per field. Uploaded files are bytes
 * and are not checked here.
 */
public class InputChecks {

    static final String BAD_CHARACTERS = "The form contains characters we cannot accept. Please check what you typed.";

    @ServerRequestFilter(priority = 100)
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request) {
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            if (hasForbidden(name)) {
                request.abortWith(ErrorPages.respond(request, 400, BAD_CHARACTERS));
                return;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && hasForbidden(value.getValue())) {
                    request.abortWith(ErrorPages.respond(request, 400, BAD_CHARACTERS));
                    return;
                }
            }
        }
    }

    static boolean hasForbidden(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isSurrogate(c) && !validSurrogatePair(s, i))) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return false;
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
