-- unaccent() is only STABLE (it reads a dictionary), so no index may call it. This wrapper's body is
-- bound when it is created (a SQL-standard body): the same function and dictionary whatever the
-- search_path later, which makes IMMUTABLE true; dropping unaccent would have to drop it first.
CREATE FUNCTION "immutable_unaccent"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT RETURN unaccent('unaccent'::regdictionary, $1);--> statement-breakpoint
CREATE INDEX "crm_contacts_group_normalised_name_idx" ON "customer_relations_contacts" ("group_id",lower(immutable_unaccent(regexp_replace(btrim("first_name" || ' ' || "last_name"), '[[:space:]]+', ' ', 'g'))),"id");--> statement-breakpoint
CREATE INDEX "crm_contacts_group_phone_digits_idx" ON "customer_relations_contacts" ("group_id",regexp_replace("phone", '[^0-9]', '', 'g'),"id") WHERE char_length(regexp_replace("phone", '[^0-9]', '', 'g')) >= 7;
