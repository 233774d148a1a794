import Foundation

/// What `lql demo` does once the database is ready: the prompt on a terminal, else every report.
struct DemoSession {
    let demo: DemoCluster
    let output: OutputOptions

    func run() throws {
        StandardStreams.error("demo database ready; reports and the prompt come with the run pipeline")
    }
}
