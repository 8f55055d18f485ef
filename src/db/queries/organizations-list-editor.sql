-- GET /api/organizations?limit=20&cityId=ID as editor: 3 statements

SELECT DISTINCT
  CASE
    WHEN t.city_a_id = any (
      (
        array[$1, $2]::integer[] || array(
          select
            o.city_id
          from
            organization o
          where
            o.id = any (array[$3]::integer[])
        )
      )
    ) THEN t.city_b_id
    ELSE t.city_a_id
  END AS partner
FROM
  twinning t
WHERE
  t.status = any (array[$4, $5]::text[])
  AND (
    t.city_a_id = any (
      (
        array[$6, $7]::integer[] || array(
          select
            o.city_id
          from
            organization o
          where
            o.id = any (array[$8]::integer[])
        )
      )
    )
    OR t.city_b_id = any (
      (
        array[$9, $10]::integer[] || array(
          select
            o.city_id
          from
            organization o
          where
            o.id = any (array[$11]::integer[])
        )
      )
    )
  )
  AND NOT EXISTS (
    SELECT
      1
    FROM
      user_role r
      JOIN app_user u ON u.id = r.user_id
    WHERE
      r.role = 'city_editor'
      AND NOT u.disabled
      AND r.city_id = CASE
        WHEN t.city_a_id = any (
          (
            array[$12, $13]::integer[] || array(
              select
                o.city_id
              from
                organization o
              where
                o.id = any (array[$14]::integer[])
            )
          )
        ) THEN t.city_b_id
        ELSE t.city_a_id
      END
  );

select
  *,
  cast("sort_key" as text) as "page_key_0",
  cast("id" as text) as "page_key_1"
from
  "organization"
where
  "city_id" = $1
  and (
    organization.city_id = any (array[$2]::integer[])
    or (
      organization.city_id = any (array[$3]::integer[])
      and organization.city_id = any (array[$4, $5]::integer[])
    )
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
order by
  "sort_key" asc,
  "id" asc
limit
  $6;

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
