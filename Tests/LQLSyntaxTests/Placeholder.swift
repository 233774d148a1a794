import Testing

@Test func packageBuilds_LQLSyntaxTests() { #expect(Bool(true)) }
