-- Member | select email, n: count(watching.labels)
SELECT t."email",
       (SELECT count(*) FROM "labels" AS c2 WHERE c2."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l2 WHERE l2."A" = c2."id" AND l2."B" IN (SELECT c1."id" FROM "tickets" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_Watchers" AS l1 WHERE l1."B" = c1."id" AND l1."A" = t."id")))) AS "n"
FROM "members" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- columns: email, n
