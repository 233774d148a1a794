import LQLDiagnostics

/// Works out how tenants are kept apart, from conventions the Leora family of schemas follows:
/// - schema per tenant: the datasource lists `schemas`, `Tenant` lives in one schema (`public`)
///   and the other models in a template schema (`tenant`) cloned for every tenant;
/// - row level: a `Tenant` model, and models holding a to-one relation to it whose foreign key
///   is a single field (`tenantId`);
/// - otherwise none.
enum TenancyDetector {
    static let tenantModelName = "Tenant"

    static func detect(models: inout [Model], datasourceSchemas: [String], sink: inout SchemaDiagnosticSink) -> Tenancy {
        guard let rootIndex = models.firstIndex(where: { $0.name == tenantModelName }) else { return .none }
        if let tenancy = schemaPerTenant(models: &models, root: rootIndex, datasourceSchemas: datasourceSchemas) {
            return tenancy
        }
        let tenancy = rowLevel(models: &models, root: rootIndex)
        if case .rowLevel(let r) = tenancy { warnUnscopedTenantFields(models, tenancy: r, sink: &sink) }
        return tenancy
    }

    /// A model with a `tenantId` field but no relation to `Tenant` is not tenant-scoped; that is
    /// almost always a forgotten relation, so say so rather than silently treat it as shared.
    private static func warnUnscopedTenantFields(_ models: [Model], tenancy: RowLevelTenancy, sink: inout SchemaDiagnosticSink) {
        for m in models where !m.isTenantScoped && !m.isTenantRoot {
            guard let f = m.field(named: tenancy.tenantField), !f.isRelation else { continue }
            sink.add(Diagnostic(.schemaTenantFieldWithoutRelation,
                                "model `\(m.name)` has `\(f.name)` but no relation to `\(tenancy.tenantModel)`, so it is not tenant-scoped",
                                at: f.span, severity: .warning,
                                hints: ["add `\(tenancy.tenantRelationField) \(tenancy.tenantModel) @relation(fields: [\(f.name)], references: [id])`"]))
        }
    }

    private static func schemaPerTenant(models: inout [Model], root: Int, datasourceSchemas: [String]) -> Tenancy? {
        guard !datasourceSchemas.isEmpty, let shared = models[root].schemaName else { return nil }
        var counts: [String: Int] = [:]
        for m in models where m.name != tenantModelName {
            if let s = m.schemaName, s != shared { counts[s, default: 0] += 1 }
        }
        // The template is `tenant` when used, else the schema holding the most models.
        guard let template = counts["tenant"] != nil ? "tenant"
                : counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first?.key
        else { return nil }
        for i in models.indices where models[i].schemaName == template { models[i].isTenantScoped = true }
        models[root].isTenantRoot = true
        return .schemaPerTenant(SchemaTenancy(tenantModel: tenantModelName, sharedSchema: shared,
                                              tenantSchemaTemplate: template, schemaPrefix: template + "_"))
    }

    private static func rowLevel(models: inout [Model], root: Int) -> Tenancy {
        var found: RowLevelTenancy?
        for mi in models.indices where mi != root {
            let model = models[mi]
            guard let relationIndex = model.fields.firstIndex(where: { f in
                guard let r = f.relation else { return false }
                return r.targetModel == tenantModelName && r.cardinality == .toOne && r.isOwningSide && r.joinColumns.count == 1
            }) else { continue }
            let relationField = model.fields[relationIndex]
            let column = relationField.relation!.joinColumns[0].local
            guard let keyIndex = model.fields.firstIndex(where: { !$0.isRelation && $0.columnName == column }) else { continue }
            models[mi].isTenantScoped = true
            models[mi].fields[relationIndex].isTenantKey = true
            models[mi].fields[keyIndex].isTenantKey = true
            if found == nil {
                found = RowLevelTenancy(tenantModel: tenantModelName, tenantField: model.fields[keyIndex].name,
                                        tenantColumn: column, tenantRelationField: relationField.name)
            }
        }
        guard let found else { return .none }
        models[root].isTenantRoot = true
        return .rowLevel(found)
    }
}
