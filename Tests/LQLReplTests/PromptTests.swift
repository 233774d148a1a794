import Testing
@testable import LQLRepl

@Suite struct PromptTests {
    @Test func mainAndAlignedContinuationPrompts() {
        let style = PromptStyle(label: "well-crafted", usesColor: false)
        #expect(style.plainText(.main) == "well-crafted> ")
        #expect(style.plainText(.continuation) == "         ...> ")
        #expect(style.plainText(.continuation).count == style.plainText(.main).count)
        #expect(PromptStyle(label: "ab", usesColor: false).plainText(.continuation) == "...> ")
        #expect(style.editorText(.main, marker: "\u{1}") == "well-crafted> ")
    }

    @Test func colourIsFencedByTheMarker() {
        let style = PromptStyle(label: "well-crafted", usesColor: true)
        let text = style.editorText(.main, marker: "\u{1}")
        #expect(text == "\u{1}\u{1B}[1;32m\u{1}well-crafted\u{1}\u{1B}[0m\u{1}> ")
        // Without the fenced parts, what is left is exactly what the user sees.
        var visible = ""
        var fenced = false
        for ch in text {
            if ch == "\u{1}" { fenced.toggle(); continue }
            if !fenced { visible.append(ch) }
        }
        #expect(visible == style.plainText(.main))
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        #expect(PromptStyle.colorAllowed(environment: ["TERM": "xterm"], outputIsTerminal: true))
        #expect(!PromptStyle.colorAllowed(environment: ["TERM": "xterm"], outputIsTerminal: false))
        #expect(!PromptStyle.colorAllowed(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true))
        #expect(PromptStyle.colorAllowed(environment: ["TERM": "xterm", "NO_COLOR": ""], outputIsTerminal: true))
        #expect(!PromptStyle.colorAllowed(environment: ["TERM": "dumb"], outputIsTerminal: true))
    }

    @Test func completionListingInColumns() {
        let listing = CompletionListing.format(["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"], width: 40)
        #expect(listing == "DRAFT      CONFIRMED  CANCELLED\nPENDING    FULFILLED\n")  // down, then across
        #expect(CompletionListing.format(["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"], width: 25) == "DRAFT      FULFILLED\nPENDING    CANCELLED\nCONFIRMED\n")
        #expect(CompletionListing.format(["a", "b"], width: 1) == "a\nb\n")
    }

    @Test func replacementRules() {
        let two = Completion(word: "ord", candidates: [.init("Order", .model), .init("OrderLine", .model)])
        #expect(two.replacement == "Order")
        let listed = Completion(word: "Order", candidates: [.init("Order", .model), .init("OrderLine", .model)])
        #expect(listed.replacement == nil)
        let one = Completion(word: "cust", candidates: [.init("customer", .relation, terminator: "")])
        #expect(one.replacement == "customer")
    }
}
