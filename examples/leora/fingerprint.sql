-- One md5 per table over all its rows (in text form, sorted): two loads of the seed at the same
-- scale and anchor must print the same lines. Run as the superuser (RLS would hide rows).
SELECT c.relname AS table_name,
       (xpath('/row/f/text()', query_to_xml(format('SELECT md5(string_agg(t::text, %L ORDER BY t::text)) AS f FROM public.%I t',
                                                   E'\n', c.relname), false, true, '')))[1]::text AS fingerprint
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
ORDER BY c.relname;
