-- Message | where author.email ~ "ana" | select body, ticket { number }
SELECT t."body",
       CASE WHEN j2."id" IS NULL THEN NULL ELSE json_build_object($3::text, j2."number") END AS "ticket"
FROM "messages" AS t
LEFT JOIN "members" AS j1 ON j1."id" = t."author_id" AND j1."organization_id" = $1
LEFT JOIN "tickets" AS j2 ON j2."id" = t."ticket_id" AND j2."organization_id" = $1
WHERE EXISTS (SELECT 1 FROM "tickets" AS h1 WHERE h1."id" = t."ticket_id" AND h1."organization_id" = $1)
  AND j1."email" ILIKE ('%' || $2::text || '%');
-- $1 = tenant
-- $2 = 'ana'::text
-- $3 = 'number'::text
-- columns: body, ticket
