import Testing

@Test func packageBuilds_LQLOutputTests() { #expect(Bool(true)) }
