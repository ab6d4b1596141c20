using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public sealed partial class PriceBookService
{
    /// <summary>
    /// Adds <paramref name="change"/> to the active version's overrides, replacing one with the same id, as a new
    /// version that becomes active. Its CreatedAt is set to now, so the audit trail cannot be back-dated, and it
    /// goes last in creation order.
    /// </summary>
    public Task<PriceBookResult<PriceBookInfo>> SetOverrideAsync(PriceOverride change, CancellationToken cancellationToken) =>
        SetOverrideAsync(change, allowBelowFloor: false, cancellationToken);

    /// <summary>
    /// As <see cref="SetOverrideAsync(PriceOverride, CancellationToken)"/>; refused (Invalid) when the selector matches
    /// no price in the active book, or, unless <paramref name="allowBelowFloor"/>, when it brings a price that was at
    /// or above <see cref="PriceFloor.MinHourly"/> below it.
    /// </summary>
    public async Task<PriceBookResult<PriceBookInfo>> SetOverrideAsync(PriceOverride change, bool allowBelowFloor, CancellationToken cancellationToken)
    {
        var errors = PriceOverrideValidator.Validate(change);
        if (errors.Count > 0)
        {
            return Fail<PriceBookInfo>(PriceBookError.Invalid(errors));
        }
        return await UnderChangeGateAsync(async () =>
        {
            var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
            if (active is null)
            {
                return Fail<PriceBookInfo>(PriceBookError.FailedPrecondition("no price book is active yet; import prices before setting overrides"));
            }
            var now = time.GetUtcNow();
            var stamped = change with { CreatedBy = change.CreatedBy.Trim(), CreatedAt = now };
            var overrides = active.Overrides.Where(o => o.Id != change.Id).Append(stamped).ToList();
            if (OverrideEffectCheck.Problem(active, overrides, stamped, allowBelowFloor) is { } problem)
            {
                return Fail<PriceBookInfo>(PriceBookError.Invalid([problem]));
            }
            var comment = string.IsNullOrWhiteSpace(change.Comment) ? $"set override {change.Id}" : change.Comment;
            var info = await store.CreateAsync(active.Data, overrides, stamped.CreatedBy, comment, $"override set {change.Id}", activate: true, now, cancellationToken)
                .ConfigureAwait(false);
            return Activated(info);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new active version: the active one without override <paramref name="id"/>. NotFound when it has no such override.</summary>
    public async Task<PriceBookResult<PriceBookInfo>> RemoveOverrideAsync(string id, string by, string? comment, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        RequireWho(by, "created_by", errors);
        if (errors.Count > 0)
        {
            return Fail<PriceBookInfo>(PriceBookError.Invalid(errors));
        }
        return await UnderChangeGateAsync(async () =>
        {
            var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
            if (active is null || !active.Overrides.Any(o => o.Id == id))
            {
                var where = active is null ? "no price book is active" : $"the active price book {active.Info.Version} has no such override";
                return Fail<PriceBookInfo>(PriceBookError.NotFound($"override '{id}' not found: {where}"));
            }
            var overrides = active.Overrides.Where(o => o.Id != id).ToList();
            var why = string.IsNullOrWhiteSpace(comment) ? $"removed override {id}" : comment;
            var info = await store.CreateAsync(active.Data, overrides, by.Trim(), why, $"override removed {id}", activate: true, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            return Activated(info);
        }, cancellationToken).ConfigureAwait(false);
    }
}
