-- Order | select number, weight: case when total > 1000 then 2 when total > 100 then 1.5 end,
SELECT t."number",
       CASE WHEN t."total" > $2::integer THEN $3::numeric WHEN t."total" > $4::integer THEN $5::numeric END AS "weight",
       CASE WHEN t."status" = $6::"OrderStatus" THEN $7::integer ELSE $8::integer END AS "rank"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '1000'::integer
-- $3 = '2'::numeric
-- $4 = '100'::integer
-- $5 = '1.5'::numeric
-- $6 = 'CANCELLED'::"OrderStatus"
-- $7 = '0'::integer
-- $8 = '1'::integer
-- columns: number, weight, rank
