-- AccountHealthSnapshot | group by riskLevel aggregate n: count(), avgScore: avg(score), avgTrend: avg(revenueTrend)
SELECT t."risk_level" AS "riskLevel",
       count(*) AS "n",
       avg(t."score") AS "avgScore",
       avg(t."revenue_trend") AS "avgTrend"
FROM "account_health_snapshots" AS t
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- columns: riskLevel, n, avgScore, avgTrend
