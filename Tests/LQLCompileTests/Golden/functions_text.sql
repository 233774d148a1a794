-- Customer | select l: lower(name), u: upper(name), t: trim(name), n: length(name), e: length(email)
SELECT lower(t."name") AS "l",
       upper(t."name") AS "u",
       btrim(t."name") AS "t",
       length(t."name") AS "n",
       length(t."email") AS "e"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: l, u, t, n, e
