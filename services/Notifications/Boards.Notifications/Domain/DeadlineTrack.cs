namespace Boards.Notifications.Domain;

/// <summary>One deadline of a referral (accept by, or counter-refer by) and the next step of its chain.</summary>
public sealed class DeadlineTrack
{
    public DateTimeOffset? DueAt { get; private set; }
    public string Step { get; private set; } = EscalationStep.Done;

    /// <summary>When <see cref="Step"/> falls due; null when the chain is done. The sweep reads this column.</summary>
    public DateTimeOffset? NextAt { get; private set; }

    public bool IsOpen => Step != EscalationStep.Done;

    /// <summary>Starts the chain; a deadline already past skips "due soon".</summary>
    public void Open(DateTimeOffset dueAt, EscalationPolicy policy, DateTimeOffset now)
    {
        DueAt = dueAt;
        MoveTo(dueAt <= now ? EscalationStep.Overdue : EscalationStep.DueSoon, policy);
    }

    public void Close()
    {
        Step = EscalationStep.Done;
        NextAt = null;
    }

    /// <summary>The step due at <paramref name="now"/>, taken (the chain moves to the next), or null.</summary>
    public string? TakeDueStep(EscalationPolicy policy, DateTimeOffset now)
    {
        if (!IsOpen || NextAt is not { } next || next > now)
        {
            return null;
        }

        var step = Step;
        MoveTo(EscalationStep.After(step), policy);
        return step;
    }

    /// <summary>
    /// Referrals said the deadline passed: "overdue" is due now whatever the clock here says; a chain already past it
    /// gives nothing (its overdue notice went out).
    /// </summary>
    public bool TakeOverdue(DateTimeOffset dueAt, EscalationPolicy policy)
    {
        DueAt ??= dueAt;
        if (Step is not (EscalationStep.DueSoon or EscalationStep.Overdue))
        {
            return false;
        }

        MoveTo(EscalationStep.FocalPoint, policy);
        return true;
    }

    private void MoveTo(string step, EscalationPolicy policy)
    {
        Step = step;
        NextAt = step == EscalationStep.Done || DueAt is not { } due ? null : policy.When(step, due);
    }
}
