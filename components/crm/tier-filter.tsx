import { numericId } from '@/lib/routes';
import { type ListLocation } from './list-controls';
import { buttonClass, inputClass, labelClass } from '../ui/styles';

/**
 * The organizations list's tier filter: a plain GET form, so it works without JavaScript; it keeps
 * the search, state and sort and starts again on the first page.
 */
export function TierFilter({ location, tiers }: { location: ListLocation; tiers: readonly { id: string; name: string }[] }) {
  const { basePath, query, defaults } = location;
  if (tiers.length === 0) return null;
  return (
    <form method="get" action={basePath} className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter organizations by tier">
      {query.search ? <input type="hidden" name="search" value={query.search} /> : null}
      {query.state !== defaults.state ? <input type="hidden" name="state" value={query.state} /> : null}
      {query.sort !== defaults.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div>
        <label htmlFor="organization-tier-filter" className={labelClass}>
          Tier
        </label>
        <select id="organization-tier-filter" name="tier" defaultValue={query.tier ?? ''} className={`mt-1 ${inputClass}`}>
          <option value="">All tiers</option>
          {tiers.map((tier) => (
            <option key={tier.id} value={numericId(tier.id)}>
              {tier.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass}>
        Apply filter
      </button>
    </form>
  );
}
