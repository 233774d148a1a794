-- Supplier | select name, country, products: count(products), active: count(products where status == ACTIVE)
SELECT t."name",
       t."country",
       (SELECT count(*) FROM "products" AS c1 WHERE c1."tenant_id" = $1 AND c1."supplier_id" = t."id") AS "products",
       (SELECT count(*) FROM "products" AS c2 WHERE c2."tenant_id" = $1 AND c2."supplier_id" = t."id" AND c2."status" = $2::"ProductStatus") AS "active"
FROM "suppliers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'ACTIVE'::"ProductStatus"
-- columns: name, country, products, active
