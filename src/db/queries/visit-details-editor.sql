-- GET /api/visits/1 as editor: 4 statements

select
  "city_id"
from
  "home_city"
where
  "city_id" in ($1, $2)
  and "published" = $3;

select
  *
from
  "visit"
where
  "id" = $1;

select
  *
from
  "visit_member"
where
  "visit_id" in ($1)
order by
  "person_id";

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
