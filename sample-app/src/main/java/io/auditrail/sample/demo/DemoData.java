package io.auditrail.sample.demo;

import io.auditrail.sample.Ids;
import io.auditrail.sample.invoice.Invoice;
import io.auditrail.sample.invoice.InvoiceRepository;
import io.auditrail.sample.member.Member;
import io.auditrail.sample.member.MemberRepository;
import io.auditrail.sample.member.Role;
import io.auditrail.sample.settings.Settings;
import io.auditrail.sample.settings.SettingsRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the two demo organisations, their users and a few invoices on first start. Runs
 * through the repositories, not the audited services: setting up the demo is not something
 * anybody did, so it has no place in the trail. A database that already has the
 * organisations is left alone, so the trail and the data survive restarts.
 */
@Component
class DemoData implements ApplicationRunner {

    /** Password of every demo user, as documented in docs/sample-app.md. */
    static final String PASSWORD = "auditrail";

    private final SettingsRepository organizations;
    private final MemberRepository members;
    private final InvoiceRepository invoices;
    private final PasswordEncoder passwordEncoder;

    DemoData(SettingsRepository organizations, MemberRepository members, InvoiceRepository invoices,
            PasswordEncoder passwordEncoder) {
        this.organizations = organizations;
        this.members = members;
        this.invoices = invoices;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        organization("acme", "Acme Corporation", "ACME", "USD",
                new Member("mem_acme_alice", "acme", "alice", "alice@acme.example", "Alice Admin", Role.ADMIN, true),
                new Member("mem_acme_bob", "acme", "bob", "bob@acme.example", "Bob Member", Role.MEMBER, true),
                "Wile E. Coyote", "Road Runner Ltd");
        organization("globex", "Globex Inc.", "GLX", "EUR",
                new Member("mem_globex_grace", "globex", "grace", "grace@globex.example", "Grace Admin", Role.ADMIN,
                        true),
                new Member("mem_globex_gus", "globex", "gus", "gus@globex.example", "Gus Member", Role.MEMBER, true),
                "Hank Scorpio", "Cypress Creek");
    }

    private void organization(String id, String name, String prefix, String currency, Member admin, Member member,
            String... customers) {
        if (organizations.find(id).isPresent()) {
            return;
        }
        organizations.insert(new Settings(id, name, prefix, currency));
        String hash = passwordEncoder.encode(PASSWORD);
        members.insertActive(admin, hash);
        members.insertActive(member, hash);
        long amount = 120_000;
        for (String customer : customers) {
            invoices.insert(new Invoice(Ids.next("inv"), id, invoices.nextNumber(id), customer, amount, Invoice.DRAFT));
            amount += 45_050;
        }
    }
}
