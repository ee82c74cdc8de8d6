package dev.oktyv.system.service.routes;

import com.google.gson.JsonObject;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code POST /email/send} with {@code {"to": [...], "subject", "body"}} → 202 {@code {"messageId"}}. */
public final class EmailSendRoute implements Route {

    private final MailBackend backend;

    public EmailSendRoute(MailBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return "/email/send";
    }

    @Override
    public Response handle(Request request) throws Exception {
        JsonObject body = Bodies.object(request, "{\"to\": [...], \"subject\": \"...\", \"body\": \"...\"}");
        MailBackend.Mail mail = new MailBackend.Mail(Bodies.strings(body, "to"), Bodies.string(body, "subject"),
                Bodies.string(body, "body"));
        if (mail.to().isEmpty()) {
            throw ApiException.badRequest("field 'to' must name at least one recipient");
        }
        String id;
        try {
            id = backend.send(mail);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("message refused by the email engine (invalid address or header)");
        }
        JsonObject o = new JsonObject();
        o.addProperty("messageId", id);
        return Response.json(202, o);
    }
}
