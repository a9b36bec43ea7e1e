package io.auditrail.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditedServices.BrokenService;
import io.auditrail.core.capture.AuditedServices.InvoiceService;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.validation.AuditLimits;
import org.junit.jupiter.api.Test;

class AuditedMethodsTest {

    private final AuditedMethods methods = new AuditedMethods(new FakeExpressionEvaluator(),
            new AuditEventValidator(AuditLimits.DEFAULTS, new AuditEventCodec()));

    @Test
    void acceptsAWellFormedClass() {
        methods.validate(InvoiceService.class);
    }

    @Test
    void reportsEveryProblemOfAClassAtOnceNamingClassMethodAndAttribute() {
        String prefix = "Invalid @Audited on " + BrokenService.class.getName();

        assertThatThrownBy(() -> methods.validate(BrokenService.class))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessageContaining(prefix + ".broken(String): action: action must be in dot notation")
                .hasMessageContaining("resourceId expression '#nosuch' is invalid: no parameter named 'nosuch'")
                .hasMessageContaining(prefix + ".noResourceId(String): no resource id: set resourceId or annotate a "
                        + "parameter with @AuditResourceId")
                .hasMessageContaining(prefix + ".both(String): metadata 'note' must set exactly one of value or expression")
                .hasMessageContaining(prefix + ".resultBeforeCall(String): metadata 'number' expression '#result' is "
                        + "evaluated before the call (beforeCall = true), when there is no #result yet");
    }

    @Test
    void cachesOnePlanPerMethodAndTargetClass() throws NoSuchMethodException {
        var method = InvoiceService.class.getMethod("delete", String.class, String.class);

        assertThat(methods.plan(method, InvoiceService.class)).containsSame(methods.plan(method, InvoiceService.class).get());
        assertThat(methods.plan(method, InvoiceService.class).get().resourceType()).isEqualTo("invoice");
    }
}
