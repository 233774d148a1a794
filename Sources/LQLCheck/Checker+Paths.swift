import LQLDiagnostics
import LQLSchema
import LQLSyntax

/// A dotted path walked through the catalog: relation steps, then maybe a scalar field.
struct PathWalk {
    /// Every relation step, starting with the scope's prefix.
    var steps: [RelationStep]
    /// Index in `steps` of the first to-many step.
    var manyIndex: Int?
    /// Index of the last to-many step: after `manyIndex` only when the walk allowed a run of
    /// to-many steps (`orders.lines`, inside a collection function).
    var lastManyIndex: Int?
    /// The scalar field the path ends in, if any, and its model.
    var field: Field?
    var fieldModel: Model
    var segments: [Identifier]
}

extension Checker {
    /// Visible field names of a model, for hints.
    func visibleFieldNames(_ model: Model) -> [String] {
        model.fields.filter { !$0.isForbidden }.map(\.name)
    }

    func refuse(_ field: Field, of model: Model, at span: Span) {
        let why = field.isTenantKey
            ? "it is the tenant key: the tenant is the scope a query runs in, never part of the query"
            : "it is marked sensitive (`/// @sensitive` in the schema, or lql.toml's [sensitive])"
        error(.forbiddenField, "lql refuses to touch `\(model.name).\(field.name)`: \(why)", at: span,
              hints: field.isTenantKey ? ["remove it; every query already sees only the current tenant's rows"]
                                       : ["remove it from the query"])
    }

    /// A relation into the tenancy root, whatever it is called (`partnerTenant Tenant?`): the
    /// root holds every tenant and is not scoped by lql's predicates (nor, in Leora, by RLS), so
    /// following it would read another tenant's row. Refused like querying the root itself.
    func refuseTenantRoot(_ field: Field, of model: Model, root: Model, at span: Span) {
        var hints = ["a query always runs inside one tenant's scope: no tenant's row is part of it"]
        if let r = field.relation, r.isOwningSide, r.joinColumns.count == 1,
           let key = model.fields.first(where: { !$0.isRelation && !$0.isForbidden && $0.columnName == r.joinColumns[0].local }) {
            hints.append("the key it stores, `\(key.name)`, is a field of `\(model.name)` and may be read")
        }
        error(.unqueryableModel, "lql refuses to follow `\(model.name).\(field.name)`: it leads to `\(root.name)`, which holds the tenants themselves",
              at: span, hints: hints)
    }

    /// An unscoped model read as a set would show every tenant's rows: refused, with the
    /// `lql.toml` line that would scope it.
    func refuseUnscoped(_ model: Model, at span: Span) {
        var root = "Tenant", key = "tenantId"
        if case .rowLevel(let r) = catalog.tenancy { root = r.tenantModel; key = r.tenantField }
        let why = model.tenantScopeSource.isEmpty ? "" : " (\(model.tenantScopeSource))"
        error(.unqueryableModel, "lql refuses to read `\(model.name)` rows: lql cannot scope it to one tenant\(why)", at: span,
              hints: ["give it a `\(key)` pointing at `\(root)`, scope it through an owner in lql.toml (`[tenancy.through]` \(model.name) = \"owner\"), or list it in `[tenancy.shared] models` if it belongs to no tenant",
                      "an unscoped model is readable only as the to-one related record of a row the query already holds"])
    }

    func unknownField(_ name: Identifier, in model: Model, extra: [String] = []) {
        let visible = visibleFieldNames(model)
        let close = Suggestions.closest(to: name.name, among: visible + extra)
        let hint = close.isEmpty
            ? "`\(model.name)` has: " + visible.joined(separator: ", ")
            : "did you mean \(Suggestions.quotedList(close))?"
        error(.unknownField, "`\(model.name)` has no field `\(name.name)`", at: name.span, hints: [hint])
    }

    /// Walks `segments` from `model` (reached through `prefix`). Reports and returns nil on error.
    /// `extraCandidates` feed did-you-mean for the first segment (enum values, for example).
    /// With `manyRun`, consecutive to-many steps are allowed (a collection function over
    /// `orders.lines` aggregates every line of every order).
    func walkPath(_ segments: [Identifier], from model: Model, prefix: [RelationStep],
                  extraCandidates: [String] = [], manyRun: Bool = false) -> PathWalk? {
        var current = model
        var steps = prefix
        var manyIndex: Int? = nil
        var lastManyIndex: Int? = nil
        for (i, segment) in segments.enumerated() {
            guard let field = current.field(named: segment.name) else {
                unknownField(segment, in: current, extra: i == 0 ? extraCandidates : [])
                return nil
            }
            if field.isForbidden {
                refuse(field, of: current, at: segment.span)
                return nil
            }
            if let relation = field.relation {
                if let table = relation.implicitJoinTable, relation.implicitJoin == nil {
                    // Prisma links the hidden table's `A`/`B` to each end's single-field `@id`.
                    error(.unsupportedField, "`\(current.name).\(field.name)` is an implicit many-to-many relation (`\(table)`) between models that do not both have a single-field `@id`, so lql cannot follow it",
                          at: segment.span, hints: ["give `\(current.name)` and `\(relation.targetModel)` an `@id` field each, or model the link table explicitly"])
                    return nil
                }
                guard let target = catalog.model(named: relation.targetModel) else {
                    error(.unknownModel, "`\(field.name)` points to unknown model `\(relation.targetModel)`", at: segment.span)
                    return nil
                }
                if target.isTenantRoot {
                    refuseTenantRoot(field, of: current, root: target, at: segment.span)
                    return nil
                }
                if relation.cardinality == .toMany, !catalog.canReadMany(target) {
                    refuseUnscoped(target, at: segment.span)
                    return nil
                }
                if relation.cardinality == .toMany {
                    if manyIndex != nil {
                        let followsMany = lastManyIndex == steps.count - 1
                        guard manyRun, followsMany else {
                            error(.toManyAsScalar, "a path may cross only one to-many relation; `\(field.name)` is a second one",
                                  at: segment.span,
                                  hints: manyRun
                                      ? ["to-many steps must follow one another, as in `count(orders.lines)`"]
                                      : ["aggregate it, as in `sum(\(segments.map(\.name).joined(separator: ".")))`, or nest: `any(\(segments[0].name) where any(\(field.name) where …))`"])
                            return nil
                        }
                    } else {
                        manyIndex = steps.count
                    }
                    lastManyIndex = steps.count
                }
                steps.append(RelationStep(model: current.name, field: field.name, relation: relation))
                current = target
                continue
            }
            if case .unsupported(let t) = field.type {
                error(.unsupportedField, "`\(current.name).\(field.name)` has the unsupported type `\(t)`", at: segment.span)
                return nil
            }
            if i != segments.count - 1 {
                let next = segments[i + 1]
                error(.unknownField, "`\(field.name)` is a \(LQLType(field: field)?.description ?? "value"), not a relation: it has no field `\(next.name)`",
                      at: next.span)
                return nil
            }
            return PathWalk(steps: steps, manyIndex: manyIndex, lastManyIndex: lastManyIndex, field: field, fieldModel: current, segments: segments)
        }
        return PathWalk(steps: steps, manyIndex: manyIndex, lastManyIndex: lastManyIndex, field: nil, fieldModel: current, segments: segments)
    }

    /// A path used as a plain value: to-one steps to a scalar field.
    func pathValue(_ walk: PathWalk, span: Span) -> TypedExpr {
        let text = walk.segments.map(\.name).joined(separator: ".")
        if let m = walk.manyIndex {
            let manyName = walk.steps[m].field
            error(.toManyAsScalar, "`\(manyName)` is a to-many relation (many rows), not a value", at: span,
                  hints: ["count them with `count(\(manyName))`, test them with `any(\(manyName) where …)`, or aggregate a field with `max(\(text))`"])
            return TypedExpr(.constant(.null), type: .error, span: span)
        }
        guard let field = walk.field, let type = LQLType(field: field) else {
            let target = walk.fieldModel
            let example = visibleFieldNames(target).first { target.field(named: $0)?.isRelation == false } ?? "id"
            error(.relationAsValue, "`\(text)` is a relation to `\(target.name)`, not a value", at: span,
                  hints: ["pick one of its fields, like `\(text).\(example)`, or shape it: `\(text) { \(example) }`"])
            return TypedExpr(.constant(.null), type: .error, span: span)
        }
        // A value reached through an optional relation is null when the link is missing.
        let optionalLink = walk.steps.contains { step in
            catalog.model(named: step.model)?.field(named: step.field)?.isOptional ?? false
        }
        var t = type
        if optionalLink { t.isOptional = true }
        let ref = ColumnRef(path: walk.steps, model: walk.fieldModel.name, field: field.name, column: field.columnName)
        return TypedExpr(.column(ref), type: t, span: span)
    }
}
