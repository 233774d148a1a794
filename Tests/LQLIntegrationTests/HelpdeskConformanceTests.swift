import Foundation
import LQL
import LQLPostgres
import LQLTestSupport
import Testing

/// The helpdesk example (an lql.toml: Organization root with uuid ids, `organizationId` keys,
/// Message scoped through its ticket, implicit many-to-many `_LabelToTicket` and `_Watchers`,
/// Country shared): each query's lql result, run as lql_reader in the organization's scope,
/// equals the SQL an analyst would write by hand, run by the superuser with the organization's
/// id as `$1`, in all three organizations. The hand-written SQL follows the link tables itself,
/// both ends kept to the organization.
@Suite struct HelpdeskConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase(lql: "Ticket | count", sql: "SELECT count(*) FROM tickets WHERE organization_id = $1"),
        ConformanceCase(lql: "Ticket | group by status aggregate n: count() | sort status",
                        sql: "SELECT status, count(*) FROM tickets WHERE organization_id = $1 GROUP BY status ORDER BY status"),
        ConformanceCase(lql: "Label | sort name | select name, n: count(tickets)",
                        sql: """
                            SELECT l.name, (SELECT count(*) FROM "_LabelToTicket" lt JOIN tickets t ON t.id = lt."B"
                                            WHERE lt."A" = l.id AND t.organization_id = $1)
                            FROM labels l WHERE l.organization_id = $1 ORDER BY l.name
                            """),
        ConformanceCase(lql: "Ticket | where any(labels where name == \"bug\") | count",
                        sql: """
                            SELECT count(*) FROM tickets t WHERE t.organization_id = $1 AND EXISTS (
                              SELECT 1 FROM "_LabelToTicket" lt JOIN labels l ON l.id = lt."A"
                              WHERE lt."B" = t.id AND l.name = 'bug' AND l.organization_id = $1)
                            """),
        ConformanceCase(lql: "Ticket | where count(labels) > 0 and all(labels where name != \"urgent\") | count",
                        sql: """
                            SELECT count(*) FROM tickets t WHERE t.organization_id = $1
                              AND EXISTS (SELECT 1 FROM "_LabelToTicket" lt JOIN labels l ON l.id = lt."A" WHERE lt."B" = t.id AND l.organization_id = $1)
                              AND NOT EXISTS (SELECT 1 FROM "_LabelToTicket" lt JOIN labels l ON l.id = lt."A"
                                              WHERE lt."B" = t.id AND l.organization_id = $1 AND l.name = 'urgent')
                            """),
        ConformanceCase(lql: "Member | sort email | select email, w: count(watching where status == OPEN)",
                        sql: """
                            SELECT m.email, (SELECT count(*) FROM "_Watchers" w JOIN tickets t ON t.id = w."B"
                                             WHERE w."A" = m.id AND t.organization_id = $1 AND t.status = 'OPEN')
                            FROM members m WHERE m.organization_id = $1 ORDER BY m.email
                            """),
        ConformanceCase(lql: "Ticket | where number < 1012 | sort number | select number, labels { name }, watchers { email }",
                        sql: """
                            SELECT t.number,
                                   coalesce((SELECT json_agg(json_build_object('name', l.name)) FROM labels l JOIN "_LabelToTicket" lt ON lt."A" = l.id
                                             WHERE lt."B" = t.id AND l.organization_id = $1), '[]'),
                                   coalesce((SELECT json_agg(json_build_object('email', m.email)) FROM members m JOIN "_Watchers" w ON w."A" = m.id
                                             WHERE w."B" = t.id AND m.organization_id = $1), '[]')
                            FROM tickets t WHERE t.organization_id = $1 AND t.number < 1012 ORDER BY t.number
                            """, jsonColumns: [1, 2]),
        ConformanceCase(lql: "Label | sort name | select name, first: min(tickets.createdAt), hi: count(tickets where priority in [HIGH, URGENT])",
                        sql: """
                            SELECT l.name,
                                   (SELECT min(t.created_at) FROM tickets t JOIN "_LabelToTicket" lt ON lt."B" = t.id WHERE lt."A" = l.id AND t.organization_id = $1),
                                   (SELECT count(*) FROM tickets t JOIN "_LabelToTicket" lt ON lt."B" = t.id
                                    WHERE lt."A" = l.id AND t.organization_id = $1 AND t.priority IN ('HIGH', 'URGENT'))
                            FROM labels l WHERE l.organization_id = $1 ORDER BY l.name
                            """),
        ConformanceCase(lql: "Member | sort email | select email, n: count(watching.labels)",
                        sql: """
                            SELECT m.email, (SELECT count(*) FROM labels l WHERE l.organization_id = $1 AND l.id IN (
                                               SELECT lt."A" FROM "_LabelToTicket" lt WHERE lt."B" IN (
                                                 SELECT t.id FROM tickets t JOIN "_Watchers" w ON w."B" = t.id
                                                 WHERE w."A" = m.id AND t.organization_id = $1)))
                            FROM members m WHERE m.organization_id = $1 ORDER BY m.email
                            """),
        ConformanceCase(lql: "Message | where fromCustomer | count",
                        sql: "SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.organization_id = $1 AND m.from_customer"),
        ConformanceCase(lql: "Message | where not fromCustomer | group by author.name aggregate n: count() | sort name",
                        sql: """
                            SELECT a.name, count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id
                            LEFT JOIN members a ON a.id = m.author_id AND a.organization_id = $1
                            WHERE t.organization_id = $1 AND NOT m.from_customer GROUP BY a.name ORDER BY a.name NULLS LAST
                            """),
        ConformanceCase(lql: "Ticket | sort number | take 20 | select number, n: count(messages), last: max(messages.sentAt)",
                        sql: """
                            SELECT t.number, (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id),
                                   (SELECT max(m.sent_at) FROM messages m WHERE m.ticket_id = t.id)
                            FROM tickets t WHERE t.organization_id = $1 ORDER BY t.number LIMIT 20
                            """),
        ConformanceCase(lql: "Customer | where country.name == \"Germany\" | count",
                        sql: "SELECT count(*) FROM customers c JOIN countries co ON co.code = c.country_code WHERE c.organization_id = $1 AND co.name = 'Germany'"),
        ConformanceCase(lql: "Country | sort code | select code, n: count(customers)",
                        sql: "SELECT co.code, (SELECT count(*) FROM customers c WHERE c.country_code = co.code AND c.organization_id = $1) FROM countries co ORDER BY co.code"),
        ConformanceCase(lql: "Member | where id in (Ticket | where priority == URGENT | select assigneeId) | count",
                        sql: "SELECT count(*) FROM members m WHERE m.organization_id = $1 AND m.id IN (SELECT t.assignee_id FROM tickets t WHERE t.organization_id = $1 AND t.priority = 'URGENT')"),
        ConformanceCase(lql: "Ticket | where assignee.name ~ \"an\" | count",
                        sql: """
                            SELECT count(*) FROM tickets t LEFT JOIN members a ON a.id = t.assignee_id AND a.organization_id = $1
                            WHERE t.organization_id = $1 AND a.name ILIKE '%an%'
                            """),
    ]

    @Test(arguments: cases)
    func lqlEqualsHandWrittenSQLInEveryOrganization(_ c: ConformanceCase) throws {
        let db = try HelpdeskCluster.shared()
        try expectEqualToHandWrittenSQL(c, catalog: db.catalog, scope: db.scope, tenants: HelpdeskCluster.tenants,
                                        readerURL: db.readerURL, ownerURL: db.ownerURL, tenantID: db.organizationID)
    }

    /// The schema folder and migration.sql agree: every column and relation of every model the
    /// schema declares (the many-to-many tables included) is read by one query each, on the server.
    @Test func everyColumnAndRelationOfTheSchemaExistsInTheDatabase() throws {
        let db = try HelpdeskCluster.shared()
        let reader = try Connection(db.readerURL)
        for m in db.catalog.queryableModels {
            var items = m.columnFields.filter { !$0.isForbidden }.map(\.name)
            for f in m.relationFields where !f.isForbidden {
                items.append(f.relation?.cardinality == .toMany ? "n_\(f.name): count(\(f.name))" : "\(f.name) { \(try #require(db.catalog.model(named: f.relation!.targetModel)?.primaryKey.first)) }")
            }
            let q = "\(m.name) | take 3 | select \(items.joined(separator: ", "))"
            let rows = try runCompiledQuery(q, catalog: db.catalog, scope: db.scope, tenant: "blue-harbor", on: reader)
            #expect(!rows.isEmpty, "\(q)")
        }
    }

    /// The links the seed crosses on purpose (a northwind ticket labelled with a blue-harbor label
    /// and watched by a blue-harbor member): lql shows this organization's end only.
    @Test func crossOrganizationLinksShowOnlyTheOrganizationsEnd() throws {
        let db = try HelpdeskCluster.shared()
        let reader = try Connection(db.readerURL)
        let q = "Ticket | where number == 1001 | select l: labels { name }, w: watchers { email }"
        let rows = try runCompiledQuery(q, catalog: db.catalog, scope: db.scope, tenant: "northwind", on: reader)
        #expect(rows.count == 1)
        let labels: String = rows.first.flatMap { $0[0] } ?? "", watchers: String = rows.first.flatMap { $0[1] } ?? ""
        #expect(!labels.contains("bug") && labels.contains("feature"), "blue-harbor's bug label: \(rows)")
        #expect(!watchers.contains("blueharbor") && watchers.contains("northwind"), "blue-harbor's watcher: \(rows)")
        // The superuser sees the crossing link rows exist (the test would prove nothing otherwise).
        let owner = try Connection(db.ownerURL)
        #expect(try owner.execute("""
            SELECT count(*) FROM "_LabelToTicket" lt JOIN labels l ON l.id = lt."A" JOIN tickets t ON t.id = lt."B"
            WHERE l.organization_id <> t.organization_id
            """).scalar == "2")
        // Run as the superuser (no RLS: lql's predicates are the only wall), the same.
        let unguarded = try runCompiledQuery(q, catalog: db.catalog, scope: db.scope, tenant: "northwind", on: owner)
        #expect(unguarded == rows)
    }
}
