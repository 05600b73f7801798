using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Data;
using Boards.Referrals.Domain;
using Boards.Referrals.Features.Common;
using Boards.Referrals.Features.ReadAudit;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.GetReferral;

public sealed class GetReferralHandler(ReferralsDbContext db, ReadAuditTrail audit)
{
    public async Task<Referral> HandleAsync(string? id, Caller caller, CancellationToken cancellationToken)
    {
        var referralId = ReferralIds.Parse(id);
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken)
                       ?? throw new NotFoundException($"No existe la referencia '{referralId}'.");
        if (!ReferralAccess.CanRead(caller, referral))
        {
            throw new ForbiddenException("Esta referencia no pertenece a su municipio ni a su institución.");
        }

        await audit.RecordAsync([referral], "get", caller, null, cancellationToken);
        return referral;
    }
}
