package io.auditrail.core.capture;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.AuditMetadataParam;
import io.auditrail.annotations.AuditOrganizationId;
import io.auditrail.annotations.AuditResourceId;
import io.auditrail.annotations.Audited;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/** Audited shapes the capture tests exercise. */
final class AuditedServices {

    private AuditedServices() {
    }

    record Invoice(String id, String number, String organizationId, BigDecimal amount) {
    }

    static class InvoiceNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvoiceNotFoundException(String message) {
            super(message);
        }
    }

    public static class InvoiceService {
        int calls;
        CompletableFuture<String> pendingSend;

        @Audited(action = "invoice.created", resourceId = "#result.id", resourceName = "#result.number",
                organizationId = "#result.organizationId",
                metadata = {@AuditMetadata(key = "amount", expression = "#amount"),
                        @AuditMetadata(key = "channel", value = "api"),
                        @AuditMetadata(key = "password", value = "hunter2")})
        public Invoice create(String orgId, BigDecimal amount) {
            calls++;
            return new Invoice("inv-" + calls, "INV-000" + calls, orgId, amount);
        }

        @Audited(action = "invoice.deleted")
        public void delete(@AuditOrganizationId String orgId, @AuditResourceId String invoiceId) {
            calls++;
            if (invoiceId.equals("missing")) {
                throw new InvoiceNotFoundException("no invoice " + invoiceId);
            }
        }

        @Audited(action = "invoice.viewed", resourceId = "#invoiceId", recordFailures = false)
        public void view(String invoiceId) {
            throw new InvoiceNotFoundException("no invoice " + invoiceId);
        }

        @Audited(action = "invoice.sent", resourceId = "#invoice.id", resourceType = "document")
        public CompletableFuture<String> send(Invoice invoice, @AuditMetadataParam("to") String recipient) {
            pendingSend = new CompletableFuture<>();
            return pendingSend;
        }

        @Audited(action = "invoice.archived", resourceId = "#result")
        public String archive(String invoiceId) {
            return null;
        }

        public void unaudited() {
            calls++;
        }
    }

    public interface MemberService {
        @Audited(action = "member.removed")
        void remove(@AuditResourceId String memberId);
    }

    public static class DefaultMemberService implements MemberService {
        @Override
        public void remove(String memberId) {
        }
    }

    @Audited(action = "settings.changed", resourceId = "#p0")
    public static class SettingsService {
        @Override
        public String toString() {
            return "settings";
        }

        public void update(String key, String value) {
        }

        @Audited(action = "settings.reset", resourceId = "#scope")
        public void reset(String scope) {
        }

        protected void internal(String key) {
        }
    }

    public static class BrokenService {
        @Audited(action = "invoice", resourceId = "#nosuch")
        public void broken(String invoiceId) {
        }

        @Audited(action = "invoice.paid")
        public void noResourceId(String invoiceId) {
        }

        @Audited(action = "invoice.noted", resourceId = "#invoiceId",
                metadata = @AuditMetadata(key = "note", value = "x", expression = "#invoiceId"))
        public void both(String invoiceId) {
        }

        @Audited(action = "invoice.renamed", resourceId = "#invoiceId",
                metadata = @AuditMetadata(key = "number", expression = "#result", beforeCall = true))
        public String resultBeforeCall(String invoiceId) {
            return invoiceId;
        }
    }

    /** A JPA-like entity: the id is assigned while the audited call runs. */
    public static final class Pet {
        private Long id;
        private String name;
        private String status = "new";

        public Pet(String name) {
            this.name = name;
        }

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getStatus() {
            return status;
        }

        public Pet getOwner() {
            return null;
        }
    }

    public static class PetService {
        private long sequence;

        @Audited(action = "pet.saved", resourceId = "#pet.id", resourceName = "#pet.name")
        public void save(Pet pet) {
            pet.id = ++sequence;
        }

        @Audited(action = "pet.status.changed", resourceId = "#pet.id", metadata = {
                @AuditMetadata(key = "previous_status", expression = "#pet.status", beforeCall = true),
                @AuditMetadata(key = "status", expression = "#pet.status")})
        public void changeStatus(Pet pet, String status) {
            pet.status = status;
        }

        @Audited(action = "pet.adopted", resourceId = "#pet.id", metadata = {
                @AuditMetadata(key = "owner", expression = "#pet.owner.name"),
                @AuditMetadata(key = "channel", value = "shelter")})
        public void adopt(Pet pet) {
        }

        @Audited(action = "pet.moved", resourceId = "#pet.id", organizationId = "#shelter")
        public void move(Pet pet, String shelter) {
        }
    }

    public static class AnyIdService {
        @Audited(action = "thing.touched")
        public void touch(@AuditResourceId Object thing) {
        }
    }
}
