import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// One or more tests per rule of grammar/lql.ebnf; the comment names the rule.
@Suite struct GrammarRuleTests {
    func tree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (ast, diagnostics) = dump(text)
        #expect(diagnostics == [], sourceLocation: sourceLocation)
        return ast
    }

    /// The `where` stage's expression, printed.
    func expr(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let ast = tree("M | where \(text)", sourceLocation: sourceLocation)
        let prefix = "(query M (where ", suffix = "))"
        guard ast.hasPrefix(prefix), ast.hasSuffix(suffix) else { return ast }
        return String(ast.dropFirst(prefix.count).dropLast(suffix.count))
    }

    // program, separator: empty input, comments only, `;` and blank lines
    @Test func program() {
        #expect(tree("") == "")
        #expect(tree("-- nothing here\n\n   -- still nothing") == "")
        #expect(tree(";;Order;; Customer;") == "(query Order)\n(query Customer)")
    }

    // param_declaration, type_reference
    @Test func paramDeclaration() {
        #expect(tree("param ids: String[]") == "(param ids String[])")
        #expect(tree("param limit: Int? = null") == "(param limit Int? null)")
        #expect(tree("param tags: String[]? = [\"a\", \"b\"]") == "(param tags String[]? (list \"a\" \"b\"))")
        #expect(tree("param status: OrderStatus = OrderStatus.PENDING") == "(param status OrderStatus OrderStatus.PENDING)")
    }

    // let_declaration, query
    @Test func letDeclaration() {
        #expect(tree("let big = Order | where total > 1000\nbig | take 3")
                == "(let big (query Order (where (> total 1000))))\n(query big (take 3))")
    }

    // where_stage (several where stages stay separate)
    @Test func whereStage() {
        #expect(tree("Order | where a | where b") == "(query Order (where a) (where b))")
    }

    // select_stage, select_item, output_name, shape, relation_path (recursive, named, dotted)
    @Test func selectAndShapes() {
        #expect(tree("Order | select n: number, count: count(lines), c: customer { name, rep: salesRep { fullName, email } }, customer.salesRep { fullName, }")
                == "(query Order (select (n: number) (count: (call count lines)) (shape c: customer name (shape rep: salesRep fullName email)) (shape customer.salesRep fullName)))")
    }

    // sort_stage, sort_key
    @Test func sortStage() {
        #expect(tree("Order | sort a, b asc, c desc, lower(d)") == "(query Order (sort a (asc b) (desc c) (call lower d)))")
    }

    // take_stage, skip_stage
    @Test func takeAndSkip() {
        #expect(tree("Order | skip $offset | take 10") == "(query Order (skip $offset) (take 10))")
    }

    // group_stage (with and without aggregate), aggregate_stage, named_expression
    @Test func groupAndAggregate() {
        #expect(tree("Order | group by status") == "(query Order (group (by status)))")
        #expect(tree("Order | group by s: status, year(orderDate) aggregate n: count(), sum(total)")
                == "(query Order (group (by (s: status) (call year orderDate)) (aggregate (n: (call count)) (call sum total))))")
        #expect(tree("Order | aggregate n: count(), avg: avg(total) ?? 0")
                == "(query Order (aggregate (n: (call count)) (avg: (?? (call avg total) 0))))")
    }

    // count_stage, distinct_stage
    @Test func countAndDistinct() {
        #expect(tree("Order | select status | distinct | count") == "(query Order (select status) (distinct) (count))")
    }

    // or_expression, and_expression, not_expression: precedence and associativity
    @Test func logicalPrecedence() {
        #expect(expr("a or b and c") == "(or a (and b c))")
        #expect(expr("not a == b and c or d") == "(or (and (not (== a b)) c) d)")
        #expect(expr("not not a") == "(not (not a))")
        #expect(expr("a or b or c") == "(or (or a b) c)")
    }

    // comparison, comparison_operator
    @Test func comparisons() {
        #expect(expr("a == 1") == "(== a 1)")
        #expect(expr("a != 1") == "(!= a 1)")
        #expect(expr("a < 1") == "(< a 1)")
        #expect(expr("a <= 1") == "(<= a 1)")
        #expect(expr("a > 1") == "(> a 1)")
        #expect(expr("a >= 1") == "(>= a 1)")
        #expect(expr("name ~ \"bi\"") == "(~ name \"bi\")")
        #expect(expr("s in [A, B]") == "(in s (list A B))")
        #expect(expr("s not in [A, B]") == "(not in s (list A B))")
        #expect(expr("s in $statuses") == "(in s $statuses)")
        #expect(expr("tags has \"vip\"") == "(has tags \"vip\")")
        #expect(expr("x is null") == "(is-null x)")
        #expect(expr("x is not null") == "(is-not-null x)")
        #expect(expr("a + 1 > b * 2") == "(> (+ a 1) (* b 2))")
    }

    // `has` is contextual: still a name elsewhere
    @Test func hasIsNotReserved() {
        #expect(expr("has == true") == "(== has true)")
    }

    // range_expression
    @Test func ranges() {
        #expect(expr("d in @2025-01-01..@2026-01-01") == "(in d (.. @2025-01-01 @2026-01-01))")
        #expect(expr("n in 1..10") == "(in n (.. 1 10))")
        #expect(expr("d in today() - 7 days .. today()") == "(in d (.. (- (call today) (duration 7 day)) (call today)))")
    }

    // coalesce_expression, additive_expression, multiplicative_expression, unary_expression
    @Test func arithmeticPrecedence() {
        #expect(expr("a ?? b + c * -d == 0") == "(== (?? a (+ b (* c (neg d)))) 0)")
        #expect(expr("a - b - c") == "(- (- a b) c)")
        #expect(expr("a / b % c") == "(% (/ a b) c)")
        #expect(expr("-(a + b) * c") == "(* (neg (+ a b)) c)")
        #expect(expr("a ?? b ?? c") == "(?? (?? a b) c)")
        #expect(expr("- - a") == "(neg (neg a))")
    }

    // postfix_expression, member_name (keywords allowed after `.`)
    @Test func postfix() {
        #expect(expr("customer.salesRep.fullName == x") == "(== customer.salesRep.fullName x)")
        #expect(expr("s == OrderStatus.PENDING") == "(== s OrderStatus.PENDING)")
        #expect(expr("stats.count > 1") == "(> stats.count 1)")
        #expect(expr("lower(name).x") == "(. (call lower name) x)")
    }

    // primary: bare `count` is a name (the count stage's column), `count(…)` a call
    @Test func countAsNameAndCall() {
        #expect(tree("Order | count | where count > 1") == "(query Order (count) (where (> count 1)))")
        #expect(expr("count() > count(x)") == "(> (call count) (call count x))")
    }

    // call, call_arguments (filter, trailing comma)
    @Test func calls() {
        #expect(expr("any(lines where quantity > 5 and product.active)")
                == "(call any lines (where (and (> quantity 5) product.active)))")
        #expect(expr("all(lines where quantity > 0)") == "(call all lines (where (> quantity 0)))")
        #expect(expr("coalesce(a, b, 0,) == 1") == "(== (call coalesce a b 0) 1)")
        #expect(expr("day(orderDate) == 1") == "(== (call day orderDate) 1)")
    }

    // list (empty, trailing comma, nested)
    @Test func lists() {
        #expect(expr("x in []") == "(in x (list))")
        #expect(expr("x in [1, 2,]") == "(in x (list 1 2))")
        #expect(expr("x in [[1], [2, 3]]") == "(in x (list (list 1) (list 2 3)))")
    }

    // parenthesized
    @Test func parentheses() {
        #expect(expr("(a or b) and c") == "(and (or a b) c)")
        #expect(expr("((a))") == "a")
    }

    // literal: STRING (both quotes, escapes), INTEGER, DECIMAL, booleans, null
    @Test func literals() {
        #expect(expr(#"s == "a\"b\\c\nd\te\u{e9}\u{1F600}""#) == #"(== s "a\"b\\c\nd\teé😀")"#)
        #expect(expr(#"s == 'it\'s "quoted"'"#) == #"(== s "it's \"quoted\"")"#)
        #expect(expr("n == 1_000_000") == "(== n 1000000)")
        #expect(expr("n == 3.14") == "(== n 3.14)")
        #expect(expr("n == 1_000.000_1") == "(== n 1000.0001)")
        #expect(expr("b == true or b == false or b is null") == "(or (or (== b true) (== b false)) (is-null b))")
        #expect(expr("s == \"\"") == "(== s \"\")")
    }

    // A multi-line string keeps its line break.
    @Test func multilineString() {
        #expect(expr("s == \"a\nb\"") == "(== s \"a\\nb\")")
    }

    // DATE, TIMESTAMP (canonical: seconds and offset always present)
    @Test func datesAndTimestamps() {
        #expect(expr("d == @2024-02-29") == "(== d @2024-02-29)")
        #expect(expr("t == @2025-01-01T09:30:00Z") == "(== t @2025-01-01T09:30:00Z)")
        #expect(expr("t == @2025-01-01T09:30") == "(== t @2025-01-01T09:30:00Z)")
        #expect(expr("t == @2025-01-01T09:30:05.250+02:00") == "(== t @2025-01-01T09:30:05.250+02:00)")
        #expect(expr("t == @2025-01-01T23:59:59-05:30") == "(== t @2025-01-01T23:59:59-05:30)")
    }

    // duration, duration_unit: every unit word, singular and plural, decimal amounts
    @Test func durations() {
        for unit in DurationUnit.allCases {
            #expect(expr("d > 2 \(unit.rawValue)s") == "(> d (duration 2 \(unit.rawValue)))")
            #expect(expr("d > 1 \(unit.rawValue)") == "(> d (duration 1 \(unit.rawValue)))")
        }
        #expect(expr("d > 1.5 hours") == "(> d (duration 1.5 hour))")
        #expect(expr("d > -30days") == "(> d (neg (duration 30 day)))")
        #expect(expr("days > 3") == "(> days 3)")
    }

    // PARAMETER
    @Test func parameters() {
        #expect(expr("dueAt < $since and x == $_x1") == "(and (< dueAt $since) (== x $_x1))")
    }

    // Spans are UTF-8 byte ranges of the source.
    @Test func spansAreByteOffsets() {
        let text = "Order | where name == \"café\" | take 1"
        let result = parse(text)
        guard case .query(let q) = result.program.statements.first?.kind,
              case .where(let condition) = q.stages.first?.kind,
              case .binary(_, _, let right) = condition.kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(right.span == Span(22, 29))  // "café" with é as two bytes
        #expect(q.stages[1].span == Span(32, 38))
        #expect(q.span == Span(0, 38))
    }
}
