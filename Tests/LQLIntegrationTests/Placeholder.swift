import Testing

@Test func packageBuilds_LQLIntegrationTests() { #expect(Bool(true)) }
