-- Order | select number, deliveryDate | sort deliveryDate desc | take 3
SELECT t."number",
       t."delivery_date" AS "deliveryDate"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY "deliveryDate" DESC NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '3'::bigint
-- columns: number, deliveryDate

-- Order | select number, deliveryDate | sort deliveryDate | take 3
SELECT t."number",
       t."delivery_date" AS "deliveryDate"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY "deliveryDate" NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '3'::bigint
-- columns: number, deliveryDate
