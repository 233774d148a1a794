import LQLSystem
import ArgumentParser
import LQL

/// `lql schema [Model]`: what a query can name.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "List the models, or one model's fields, types and relations.")
    @OptionGroup var schema: SchemaOptions
    @Argument(help: "A model name.") var model: String?

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        let catalog = frontEnd.catalog
        guard let name = model else {
            StandardStreams.write(CatalogDescription.models(catalog))
            return
        }
        guard let m = catalog.model(named: name), !m.isTenantRoot else {
            let close = Suggestions.closest(to: name, among: catalog.queryableModels.map(\.name))
            throw CommandFailure(.compileError, "lql: no model `\(name)` in \(frontEnd.schemaPath)"
                                 + (close.isEmpty ? "" : "; did you mean \(Suggestions.quotedList(close))?"))
        }
        StandardStreams.write(CatalogDescription.model(m, in: catalog))
    }
}
