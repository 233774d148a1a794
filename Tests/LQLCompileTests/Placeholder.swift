import Testing

@Test func packageBuilds_LQLCompileTests() { #expect(Bool(true)) }
