package io.auditrail.spring.security;

import io.auditrail.spring.security.SecurityEventAuditor.DenialReason;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Spring Security publishes no event when its {@link CsrfFilter} refuses a request, so a pair
 * of filters surrounds it: the one before marks the request, the one after notes that the
 * request got through; a request that did not get through was refused by the CSRF check and
 * is recorded as a denial. The {@link CsrfFilter} itself stays in the chain untouched, where
 * test tools and other filters look for it.
 */
final class CsrfRefusalFilters {

    private static final String PASSED = CsrfRefusalFilters.class.getName() + ".PASSED";

    private CsrfRefusalFilters() {
    }

    /**
     * The filters with a pair around each {@link CsrfFilter}.
     *
     * @param filters a security filter chain's filters
     * @param auditor records refusals, looked up when the first one happens
     * @return a new list, or the same one when it has no {@link CsrfFilter}
     */
    static List<Filter> around(List<Filter> filters, Supplier<SecurityEventAuditor> auditor) {
        if (filters.stream().noneMatch(CsrfFilter.class::isInstance)) {
            return filters;
        }
        List<Filter> observed = new ArrayList<>(filters.size() + 2);
        for (Filter filter : filters) {
            if (filter instanceof CsrfFilter) {
                observed.add(new Before(auditor));
                observed.add(filter);
                observed.add(new After());
            } else {
                observed.add(filter);
            }
        }
        return observed;
    }

    /** Marks the request, and records it when the CSRF filter did not let it through. */
    private record Before(Supplier<SecurityEventAuditor> auditor) implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http) || http.getDispatcherType() != DispatcherType.REQUEST) {
                chain.doFilter(request, response);
                return;
            }
            request.setAttribute(PASSED, Boolean.FALSE);
            chain.doFilter(request, response);
            if (Boolean.FALSE.equals(request.getAttribute(PASSED))) {
                auditor.get().recordDenial(SecurityContextHolder.getContext().getAuthentication(),
                        DeniedRequests.describe(http), DenialReason.CSRF);
            }
            request.removeAttribute(PASSED);
        }
    }

    /** Reached only when the CSRF filter let the request through. */
    private static final class After implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            request.setAttribute(PASSED, Boolean.TRUE);
            chain.doFilter(request, response);
        }
    }
}
