import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    /// A shape becomes `json_build_object(key, value, …)`, and PostgreSQL functions take at most
    /// 100 arguments.
    static let maxShapeItems = 50

    func checkShape(_ shape: Shape, _ scope: Scope) -> ShapeValue? {
        guard case .row(let model, let prefix) = scope.kind else {
            error(.invalidShape, "a shape needs model rows; after `select`, `group by` or `aggregate` there are only columns",
                  at: shape.span, hints: ["shape in the first `select`"])
            return nil
        }
        if shape.items.count > Checker.maxShapeItems {
            error(.invalidShape, "a shape has at most \(Checker.maxShapeItems) items; this one has \(shape.items.count)",
                  at: shape.span, hints: ["split it into two shapes of the same relation with different names"])
            return nil
        }
        guard let segments = shape.path.pathSegments else {
            error(.invalidShape, "a shape starts with a relation, as in `customer { name }`", at: shape.path.span)
            return nil
        }
        guard let walk = walkPath(segments, from: model, prefix: prefix) else { return nil }
        if let field = walk.field {
            error(.invalidShape, "`\(field.name)` is a field, not a relation; only relations can be shaped", at: shape.path.span,
                  hints: ["select it directly: `\(segments.map(\.name).joined(separator: "."))`"])
            return nil
        }
        guard let target = catalog.model(named: walk.steps.last?.target ?? "") else { return nil }
        if let m = walk.manyIndex {
            guard m == walk.steps.count - 1 else {
                error(.invalidShape, "a to-many relation must be the last step of a shape's path", at: shape.path.span,
                      hints: ["shape the list and put the rest inside: `\(walk.steps[m].field) { … }`"])
                return nil
            }
            let inner = Scope(kind: .row(model: target, prefix: []), stage: scope.stage)
            let items = checkItems(shape.items, inner)
            var value = ShapeValue(path: Array(walk.steps[..<m]), many: walk.steps[m], items: items)
            checkShapeStages(shape.stages, inner, into: &value)
            return value
        }
        if let first = shape.stages.first {
            error(.invalidShapeStage, "only a to-many shape takes a pipeline; `\(segments.map(\.name).joined(separator: "."))` is one row",
                  at: first.span, hints: ["write `\(segments.map(\.name).joined(separator: ".")) { … }`"])
            return nil
        }
        let inner = Scope(kind: .row(model: target, prefix: walk.steps), stage: scope.stage)
        return ShapeValue(path: walk.steps, many: nil, items: checkItems(shape.items, inner))
    }
}
