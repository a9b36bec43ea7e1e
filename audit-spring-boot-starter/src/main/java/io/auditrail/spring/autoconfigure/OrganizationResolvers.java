package io.auditrail.spring.autoconfigure;

import io.auditrail.core.spi.OrganizationResolver;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Every organisation resolver of the application, asked in bean order: the token's claim
 * first, then the application's own resolvers; the first answer wins. The beans are looked up
 * on first use, because an application resolver may depend on audited beans.
 */
final class OrganizationResolvers {

    private OrganizationResolvers() {
    }

    static OrganizationResolver chain(ObjectProvider<OrganizationResolver> resolvers) {
        SingletonSupplier<java.util.List<OrganizationResolver>> all =
                SingletonSupplier.of(() -> resolvers.orderedStream().toList());
        return () -> {
            for (OrganizationResolver resolver : all.obtain()) {
                Optional<String> organization = resolver.currentOrganizationId();
                if (organization.isPresent()) {
                    return organization;
                }
            }
            return Optional.empty();
        };
    }
}
