import LQLDiagnostics
import LQLSyntax
import Testing
@testable import LQLFormat

/// The layout rules, one example each.
@Suite struct FormatLayoutTests {
    func format(_ text: String, width: Int = LQLFormatter.lineWidth) -> String? {
        LQLFormatter.format(SourceFile(name: "<test>", text: text), width: width).text
    }

    @Test func stagesGoOnTheirOwnLinesWithAlignedPipes() {
        #expect(format("Order|where total>10|sort total desc|take 5") == """
            Order
            | where total > 10
            | sort total desc
            | take 5

            """)
    }

    @Test func oneSpaceAroundOperatorsNoneInsideParensOrBeforeCommas() {
        #expect(format("Order | where  status in [ PENDING ,CONFIRMED ] and total>=-5 and (total*2)<100") == """
            Order
            | where status in [PENDING, CONFIRMED] and total >= -5 and (total * 2) < 100

            """)
        #expect(format("Customer | select name , n : count( orders where total > 1 ) , salesRep{fullName}") == """
            Customer
            | select name, n: count(orders where total > 1), salesRep { fullName }

            """)
        #expect(format("Order | where orderDate in @2025-01-01 .. @2026-01-01 | select c: count ( )") == """
            Order
            | where orderDate in @2025-01-01..@2026-01-01
            | select c: count()

            """)
    }

    @Test func trailingCommasInBracketsAreDropped() {
        #expect(format("Order | where status in [PENDING, CONFIRMED,]") == "Order\n| where status in [PENDING, CONFIRMED]\n")
    }

    @Test func groupAggregateGoesOnItsOwnLine() {
        #expect(format("Order | group by status aggregate n: count(), total: sum(total)") == """
            Order
            | group by status
              aggregate n: count(), total: sum(total)

            """)
    }

    @Test func longListsWrapAtTheWidthUnderTheFirstItem() {
        let out = format("Customer | select accountNumber, name, tier, status, email, phone, city, state", width: 40)
        #expect(out == """
            Customer
            | select accountNumber, name, tier,
                     status, email, phone, city,
                     state

            """)
    }

    @Test func anAuthorsLineBreaksAreTheLayouts() {
        #expect(format("User\n| select fullName,\n accounts: count(customers)\n| where\n  accounts > 1") == """
            User
            | select fullName, accounts: count(customers)
            | where accounts > 1

            """)
    }

    @Test func commentsStayWhereTheyWere() {
        let text = """
            -- heading

            -- the report
            param since: DateTime = today()  -- when

            Order -- source
            -- before the filter
            | where total > 10 and -- big
                    status == PENDING
            | select number, -- the number
                     total
            -- at the end
            """
        let out = format(text)
        #expect(out == """
            -- heading

            -- the report
            param since: DateTime = today() -- when

            Order -- source
            -- before the filter
            | where total > 10 and -- big
                    status == PENDING
            | select number, -- the number
                     total
            -- at the end

            """)
    }

    @Test func semicolonsBecomeLineBreaksAndBlankLinesCollapse() {
        #expect(format("Order | take 1; Customer | take 2\n\n\n\nUser") == """
            Order
            | take 1
            Customer
            | take 2

            User

            """)
    }

    @Test func aLetsPipelineIsLaidOutLikeAQuery() {
        #expect(format("let x = Customer | where tier == VIP\nx | select name") == """
            let x = Customer
            | where tier == VIP
            x
            | select name

            """)
    }

    @Test func syntaxErrorsAreRefusedWithTheParsersDiagnostics() {
        let result = LQLFormatter.format(SourceFile(name: "<test>", text: "Order | where total >"))
        #expect(result.text == nil)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics == LQLParser.parse(SourceFile(name: "<test>", text: "Order | where total >")).diagnostics)
    }

    @Test func theDiffShowsOnlyChangedLinesWithContext() {
        let diff = TextDiff.unified("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n", oldName: "x", newName: "y")
        #expect(diff == """
            --- x
            +++ y
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h

            """)
        #expect(TextDiff.unified("a\n", "a\n", oldName: "x", newName: "y").isEmpty)
    }
}
