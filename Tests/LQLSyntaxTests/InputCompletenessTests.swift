import Testing
@testable import LQLSyntax

/// InputCompleteness: when the REPL should ask for another line.
@Suite struct InputCompletenessTests {
    @Test(arguments: [
        "", "   ", "-- just a comment", "Order", "Order | take 5", "Order | count", "Order | distinct",
        "Order | sort total desc", "Order | where a is null", "param x: Int?", "Order | where a )",
        "Order | where (a == 1) -- done", "Order;", "Order | where name == \"ab\"", "Order | where x ~ 'it''s'",
        "Order | where 1 2",  // an error, but complete: reported when run
    ])
    func complete(_ text: String) {
        #expect(InputCompleteness.isComplete(text))
    }

    @Test(arguments: [
        "Order |", "Order | where", "Order | where a ==", "Order | where a and", "Order | where a or",
        "Order | where not", "Order | where a in", "Order | where a is", "Order | select a,",
        "Order | select n:", "Order | where (a", "Order | where a in [1, 2", "Order | select customer {",
        "Order | where name == \"abc", "Order | where name == 'abc", "Order | where a +", "Order | where a ??",
        "Order | where a in 1..", "Order | group", "Order | group by", "Order | group by s aggregate",
        "Order | sort", "Order | take", "Order | skip", "Order | select", "Order | aggregate",
        "param", "param x:", "param x: Int =", "let", "let x =", "Order | where a.", "Order | where a -- comment\n|",
        "Order | where (\n a ==\n", "Order | where a ~",
    ])
    func incomplete(_ text: String) {
        #expect(!InputCompleteness.isComplete(text))
    }
}
