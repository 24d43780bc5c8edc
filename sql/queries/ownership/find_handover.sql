SELECT id, from_user_id, to_user_id, actor_id, actor_name, at, reason FROM handovers WHERE id = $1
