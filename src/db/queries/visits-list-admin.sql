-- GET /api/visits?limit=20&sort=startDate&order=desc as admin: 3 statements

select
  *
from
  "visit_member"
where
  "visit_id" in ($1)
order by
  "person_id";

select
  *,
  to_char("start_date", 'YYYY-MM-DD') as "page_key_0",
  cast("id" as text) as "page_key_1"
from
  "visit"
order by
  "start_date" desc,
  "id" desc
limit
  $1;

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
