package io.auditrail.spring.autoconfigure;

import io.auditrail.core.spi.OrganizationResolver;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
        SingletonSupplier<List<OrganizationResolver>> all =
                SingletonSupplier.of(() -> resolvers.orderedStream().toList());
        return new OrganizationResolver() {
            @Override
            public Optional<String> currentOrganizationId() {
                return first(all.obtain(), OrganizationResolver::currentOrganizationId);
            }

            @Override
            public Optional<String> organizationIdOf(String principalName) {
                return first(all.obtain(), resolver -> resolver.organizationIdOf(principalName));
            }
        };
    }

    private static Optional<String> first(List<OrganizationResolver> resolvers,
            Function<OrganizationResolver, Optional<String>> question) {
        // Indexed: every audited call asks, on the caller's thread, and an iterator is an allocation.
        for (int i = 0; i < resolvers.size(); i++) {
            Optional<String> organization = question.apply(resolvers.get(i));
            if (organization.isPresent()) {
                return organization;
            }
        }
        return Optional.empty();
    }
}
