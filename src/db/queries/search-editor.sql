-- GET /api/search?q=гимназия as editor: 13 statements

SELECT
  'city' AS kind,
  id,
  coalesce(name_ru, name_en) || ' (' || country || ')' AS label,
  word_similarity (name_key ($1), search_key)::float8 + CASE
    WHEN search_names @> ARRAY[name_key ($2)] THEN 1
    ELSE 0
  END AS rank,
  coalesce(name_ru, name_en) || ' / ' || name_en AS headline
FROM
  city
WHERE
  search_names @> ARRAY[name_key ($3)]
  OR name_key ($4) <% search_key
  -- The registry's own cities (home cities, twins) before the gazetteer's namesakes.
ORDER BY
  EXISTS (
    SELECT
      1
    FROM
      home_city h
    WHERE
      h.city_id = city.id
  )
  OR EXISTS (
    SELECT
      1
    FROM
      twinning t
    WHERE
      city.id IN (t.city_a_id, t.city_b_id)
  ) DESC,
  rank DESC,
  population DESC,
  id
LIMIT
  $5;

SELECT
  'person' AS kind,
  id,
  full_name AS label,
  word_similarity (name_key ($1), search_key)::float8 AS rank,
  coalesce(
    (
      SELECT
        concat_ws(
          ', ',
          pos.title,
          o.name,
          CASE
            WHEN o.name IS NULL
            OR strpos(o.name, coalesce(c.name_ru, c.name_en)) = 0 THEN coalesce(c.name_ru, c.name_en)
          END
        )
      FROM
        "position" pos
        LEFT JOIN organization o ON o.id = pos.organization_id
        LEFT JOIN city c ON c.id = coalesce(pos.city_id, o.city_id)
      WHERE
        pos.person_id = person.id
      ORDER BY
        pos.ended_on IS NULL DESC,
        pos.ended_on DESC NULLS LAST,
        pos.started_on DESC NULLS LAST,
        pos.id DESC
      LIMIT
        1
    ),
    (
      SELECT
        coalesce(c.name_ru, c.name_en)
      FROM
        city c
      WHERE
        c.id = person.city_id
    ),
    ''
  ) AS headline
FROM
  person
WHERE
  name_key ($2) <% search_key
  AND (
    (
      person.city_id = any (array[$3]::integer[])
      or exists (
        select
          1
        from
          "position" p
          left join organization o on o.id = p.organization_id
        where
          p.person_id = person.id
          and (
            p.city_id = any (array[$4]::integer[])
            or o.city_id = any (array[$5]::integer[])
          )
      )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $6;

SELECT
  'agreement' AS kind,
  id,
  title AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    title || ' ' || coalesce(notes, ''),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($3)) || to_tsquery('russian', immutable_unaccent ($4))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  "agreement"
WHERE
  (
    search @@ (
      websearch_to_tsquery('russian', immutable_unaccent ($5)) || to_tsquery('russian', immutable_unaccent ($6))
    )
  )
  AND (
    exists (
      select
        1
      from
        agreement_party p
        left join organization o on o.id = p.organization_id
      where
        p.agreement_id = agreement.id
        and (
          p.city_id = any (array[$7]::integer[])
          or o.city_id = any (array[$8]::integer[])
        )
    )
    or exists (
      select
        1
      from
        agreement_party p
        left join organization o on o.id = p.organization_id
      where
        p.agreement_id = agreement.id
        and (
          p.city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
          or o.city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
        )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $9;

SELECT
  'document' AS kind,
  id,
  title AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    left(body, 100000),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($3)) || to_tsquery('russian', immutable_unaccent ($4))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  (
    SELECT
      *
    FROM
      "document"
    WHERE
      (
        search @@ (
          websearch_to_tsquery('russian', immutable_unaccent ($5)) || to_tsquery('russian', immutable_unaccent ($6))
        )
      )
      AND (
        (document.scope_city_ids && array[$7]::integer[])
        or (
          document.scope_city_ids = '{}'
          and document.scope_organization_ids = '{}'
        )
      )
    ORDER BY
      published_on DESC,
      id DESC
    LIMIT
      $8
  ) AS newest
ORDER BY
  rank DESC,
  id
LIMIT
  $9;

SELECT
  'event' AS kind,
  id,
  name AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    name || ' ' || coalesce(description, ''),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($3)) || to_tsquery('russian', immutable_unaccent ($4))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  "event"
WHERE
  (
    search @@ (
      websearch_to_tsquery('russian', immutable_unaccent ($5)) || to_tsquery('russian', immutable_unaccent ($6))
    )
  )
  AND (
    (
      event.city_id = any (array[$7]::integer[])
      or exists (
        select
          1
        from
          event_participant p
          left join organization o on o.id = p.organization_id
        where
          p.event_id = event.id
          and (
            p.city_id = any (array[$8]::integer[])
            or o.city_id = any (array[$9]::integer[])
          )
      )
    )
    or (
      event.city_id = any (
        array(
          select
            h.city_id
          from
            home_city h
          where
            h.published
        )
      )
      or exists (
        select
          1
        from
          event_participant p
          left join organization o on o.id = p.organization_id
        where
          p.event_id = event.id
          and (
            p.city_id = any (
              array(
                select
                  h.city_id
                from
                  home_city h
                where
                  h.published
              )
            )
            or o.city_id = any (
              array(
                select
                  h.city_id
                from
                  home_city h
                where
                  h.published
              )
            )
          )
      )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $10;

SELECT
  'file' AS kind,
  id,
  name AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    name || ' ' || left(coalesce(text, ''), 100000),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($3)) || to_tsquery('russian', immutable_unaccent ($4))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  "attached_file"
WHERE
  (
    search @@ (
      websearch_to_tsquery('russian', immutable_unaccent ($5)) || to_tsquery('russian', immutable_unaccent ($6))
    )
  )
  AND (
    (
      attached_file.record_type = $7
      and exists (
        select
          1
        from
          "organization"
        where
          "organization"."id" = attached_file.record_id
          and (
            organization.city_id = any (array[$8]::integer[])
            or organization.city_id = any (
              array(
                select
                  h.city_id
                from
                  home_city h
                where
                  h.published
              )
            )
          )
      )
    )
    or (
      attached_file.record_type = $9
      and exists (
        select
          1
        from
          "person"
        where
          "person"."id" = attached_file.record_id
          and (
            (
              person.city_id = any (array[$10]::integer[])
              or exists (
                select
                  1
                from
                  "position" p
                  left join organization o on o.id = p.organization_id
                where
                  p.person_id = person.id
                  and (
                    p.city_id = any (array[$11]::integer[])
                    or o.city_id = any (array[$12]::integer[])
                  )
              )
            )
          )
      )
    )
    or (
      attached_file.record_type = $13
      and exists (
        select
          1
        from
          "visit"
        where
          "visit"."id" = attached_file.record_id
          and (
            (
              visit.from_city_id = any (array[$14]::integer[])
              or visit.to_city_id = any (array[$15]::integer[])
            )
            or (
              visit.from_city_id = any (
                array(
                  select
                    h.city_id
                  from
                    home_city h
                  where
                    h.published
                )
              )
              or visit.to_city_id = any (
                array(
                  select
                    h.city_id
                  from
                    home_city h
                  where
                    h.published
                )
              )
            )
          )
      )
    )
    or (
      attached_file.record_type = $16
      and exists (
        select
          1
        from
          "agreement"
        where
          "agreement"."id" = attached_file.record_id
          and (
            exists (
              select
                1
              from
                agreement_party p
                left join organization o on o.id = p.organization_id
              where
                p.agreement_id = agreement.id
                and (
                  p.city_id = any (array[$17]::integer[])
                  or o.city_id = any (array[$18]::integer[])
                )
            )
            or exists (
              select
                1
              from
                agreement_party p
                left join organization o on o.id = p.organization_id
              where
                p.agreement_id = agreement.id
                and (
                  p.city_id = any (
                    array(
                      select
                        h.city_id
                      from
                        home_city h
                      where
                        h.published
                    )
                  )
                  or o.city_id = any (
                    array(
                      select
                        h.city_id
                      from
                        home_city h
                      where
                        h.published
                    )
                  )
                )
            )
          )
      )
    )
    or (
      attached_file.record_type = $19
      and exists (
        select
          1
        from
          "project"
        where
          "project"."id" = attached_file.record_id
          and (
            exists (
              select
                1
              from
                project_party p
                left join organization o on o.id = p.organization_id
              where
                p.project_id = project.id
                and (
                  p.city_id = any (array[$20]::integer[])
                  or o.city_id = any (array[$21]::integer[])
                )
            )
            or exists (
              select
                1
              from
                project_party p
                left join organization o on o.id = p.organization_id
              where
                p.project_id = project.id
                and (
                  p.city_id = any (
                    array(
                      select
                        h.city_id
                      from
                        home_city h
                      where
                        h.published
                    )
                  )
                  or o.city_id = any (
                    array(
                      select
                        h.city_id
                      from
                        home_city h
                      where
                        h.published
                    )
                  )
                )
            )
          )
      )
    )
    or (
      attached_file.record_type = $22
      and exists (
        select
          1
        from
          "event"
        where
          "event"."id" = attached_file.record_id
          and (
            (
              event.city_id = any (array[$23]::integer[])
              or exists (
                select
                  1
                from
                  event_participant p
                  left join organization o on o.id = p.organization_id
                where
                  p.event_id = event.id
                  and (
                    p.city_id = any (array[$24]::integer[])
                    or o.city_id = any (array[$25]::integer[])
                  )
              )
            )
            or (
              event.city_id = any (
                array(
                  select
                    h.city_id
                  from
                    home_city h
                  where
                    h.published
                )
              )
              or exists (
                select
                  1
                from
                  event_participant p
                  left join organization o on o.id = p.organization_id
                where
                  p.event_id = event.id
                  and (
                    p.city_id = any (
                      array(
                        select
                          h.city_id
                        from
                          home_city h
                        where
                          h.published
                      )
                    )
                    or o.city_id = any (
                      array(
                        select
                          h.city_id
                        from
                          home_city h
                        where
                          h.published
                      )
                    )
                  )
              )
            )
          )
      )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $26;

SELECT
  'organization' AS kind,
  id,
  name AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    word_similarity (name_key ($3), search_key),
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    name,
    (
      websearch_to_tsquery('russian', immutable_unaccent ($4)) || to_tsquery('russian', immutable_unaccent ($5))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  "organization"
WHERE
  (
    search @@ (
      websearch_to_tsquery('russian', immutable_unaccent ($6)) || to_tsquery('russian', immutable_unaccent ($7))
    )
    OR name_key ($8) <% search_key
  )
  AND (
    organization.city_id = any (array[$9]::integer[])
    or organization.city_id = any (
      array(
        select
          h.city_id
        from
          home_city h
        where
          h.published
      )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $10;

SELECT
  'project' AS kind,
  id,
  title AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    0
  )::float8 AS rank,
  ts_headline(
    'russian',
    title || ' ' || coalesce(description, ''),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($3)) || to_tsquery('russian', immutable_unaccent ($4))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  "project"
WHERE
  (
    search @@ (
      websearch_to_tsquery('russian', immutable_unaccent ($5)) || to_tsquery('russian', immutable_unaccent ($6))
    )
  )
  AND (
    exists (
      select
        1
      from
        project_party p
        left join organization o on o.id = p.organization_id
      where
        p.project_id = project.id
        and (
          p.city_id = any (array[$7]::integer[])
          or o.city_id = any (array[$8]::integer[])
        )
    )
    or exists (
      select
        1
      from
        project_party p
        left join organization o on o.id = p.organization_id
      where
        p.project_id = project.id
        and (
          p.city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
          or o.city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
        )
    )
  )
ORDER BY
  rank DESC,
  id
LIMIT
  $9;

SELECT
  'visit' AS kind,
  id,
  start_date::text || ' — ' || end_date::text AS label,
  greatest(
    ts_rank(
      search,
      (
        websearch_to_tsquery('russian', immutable_unaccent ($1)) || to_tsquery('russian', immutable_unaccent ($2))
      )
    ),
    0,
    CASE
      WHEN (
        head_person_id IN (
          SELECT
            id
          FROM
            person
          WHERE
            name_key ($3) <% search_key
        )
        OR from_city_id IN (
          SELECT
            id
          FROM
            city
          WHERE
            search_names @> ARRAY[name_key ($4)]
        )
        OR to_city_id IN (
          SELECT
            id
          FROM
            city
          WHERE
            search_names @> ARRAY[name_key ($5)]
        )
      ) THEN 0.9
      ELSE 0
    END
  )::float8 AS rank,
  ts_headline(
    'russian',
    concat_ws(
      ' ',
      (
        SELECT
          p.full_name
        FROM
          person p
        WHERE
          p.id = head_person_id
      ),
      purpose,
      outcomes
    ),
    (
      websearch_to_tsquery('russian', immutable_unaccent ($6)) || to_tsquery('russian', immutable_unaccent ($7))
    ),
    'StartSel=, StopSel=, MaxWords=25, MinWords=8, MaxFragments=1'
  ) AS headline
FROM
  (
    SELECT
      *
    FROM
      "visit"
    WHERE
      (
        search @@ (
          websearch_to_tsquery('russian', immutable_unaccent ($8)) || to_tsquery('russian', immutable_unaccent ($9))
        )
        OR (
          head_person_id IN (
            SELECT
              id
            FROM
              person
            WHERE
              name_key ($10) <% search_key
          )
          OR from_city_id IN (
            SELECT
              id
            FROM
              city
            WHERE
              search_names @> ARRAY[name_key ($11)]
          )
          OR to_city_id IN (
            SELECT
              id
            FROM
              city
            WHERE
              search_names @> ARRAY[name_key ($12)]
          )
        )
      )
      AND (
        (
          visit.from_city_id = any (array[$13]::integer[])
          or visit.to_city_id = any (array[$14]::integer[])
        )
        or (
          visit.from_city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
          or visit.to_city_id = any (
            array(
              select
                h.city_id
              from
                home_city h
              where
                h.published
            )
          )
        )
      )
    ORDER BY
      start_date DESC,
      id DESC
    LIMIT
      $15
  ) AS newest
ORDER BY
  rank DESC,
  id
LIMIT
  $16;

SET
  LOCAL pg_trgm.word_similarity_threshold = 0.45;

SET
  LOCAL pg_trgm.word_similarity_threshold = 0.45;

SET
  LOCAL pg_trgm.word_similarity_threshold = 0.45;

with
  "touched" as (
    update "api_token"
    set
      "last_used_at" = now()
    where
      (
        "api_token"."token_hash" = $1
        and (
          "api_token"."expires_at" is null
          or "api_token"."expires_at" > now()
        )
      )
      and (
        "api_token"."last_used_at" is null
        or "api_token"."last_used_at" < now() - interval '1 minute'
      )
    returning
      "api_token"."id"
  )
select
  "app_user"."id" as "user_id",
  "app_user"."email" as "email",
  "app_user"."display_name" as "display_name",
  "app_user"."locale" as "locale",
  (
    select
      coalesce(json_agg(agg), '[]')
    from
      (
        select
          "user_role"."role",
          "user_role"."city_id",
          "user_role"."organization_id"
        from
          "user_role"
        where
          "user_role"."user_id" = "app_user"."id"
        order by
          "user_role"."id"
      ) as agg
  ) as "roles"
from
  "api_token"
  inner join "app_user" on "app_user"."id" = "api_token"."user_id"
where
  (
    "api_token"."token_hash" = $2
    and (
      "api_token"."expires_at" is null
      or "api_token"."expires_at" > now()
    )
  )
  and "app_user"."disabled" = $3;
