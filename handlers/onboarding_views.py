"""Block Kit for champions' onboarding: the checklist DM with its Tick and Help buttons, the
mentor's messages (pairing, digest, stall) with Nudge, completion and the channel's welcome."""

from __future__ import annotations

from bot.domain import ChampionProgress, OnboardingItem, OnboardingNotice, OnboardingNoticeKind
from bot.ports import Payload
from handlers import kit
from handlers.ids import ActionId
from handlers.text import day, escape, mention

Kind = OnboardingNoticeKind
MAX_DIGEST = 40  # mentees in one digest (one section each)


def progress_line(p: ChampionProgress) -> str:
    """``5/8, last progress Thu 3 Dec`` (or "completed", or "no progress yet")."""
    if p.completed_on is not None:
        return f"{p.done}/{len(p.items)}, completed {day(p.completed_on)}"
    last = f"last progress {day(p.last_progress_on)}" if p.last_progress_on else (
        f"no progress since {day(p.started_on)}")
    return f"{p.done}/{len(p.items)}, {last}"


def _next(p: ChampionProgress) -> OnboardingItem | None:
    return next((i for i in p.items if i.key not in p.ticked), None)


def _where(p: ChampionProgress) -> str:
    return f"the champion for *{escape(p.agency)}* in *{escape(p.group)}*"


def checklist_blocks(p: ChampionProgress, *, open_only: bool = False) -> list[kit.Block]:
    """One line per item: ✅ done, or ⬜ with *Tick* (and *Help* when it has a help text)."""
    blocks: list[kit.Block] = []
    for item in p.items:
        value = f"{p.champion_id}:{item.key}"
        done = item.key in p.ticked
        if done and open_only:
            continue
        auto = " _(ticks itself)_" if item.auto and not done else ""
        text = f"{'✅' if done else '⬜'} {escape(item.title)}{auto}"
        if done:
            accessory = kit.button("Help", ActionId.ONBOARDING_HELP, value) if item.help else None
            blocks.append(kit.section(text, accessory=accessory))
            continue
        blocks.append(kit.section(text, accessory=kit.button("Tick", ActionId.ONBOARDING_TICK,
                                                             value, style="primary")))
        if item.help:
            blocks.append(kit.actions(kit.button("Help", ActionId.ONBOARDING_HELP, value)))
    return blocks


def _message(text: str, blocks: list[kit.Block]) -> Payload:
    return {"text": text, "blocks": blocks[: kit.MESSAGE_BLOCKS]}


def onboarding(n: OnboardingNotice) -> Payload:
    """Every onboarding message, by kind."""
    p = n.progress
    count = f"{p.done} of {len(p.items)}"
    nxt = _next(p)
    upcoming = f" Next: *{escape(nxt.title)}*." if nxt else ""
    if n.kind is Kind.CHECKLIST:
        mentor = (f"Your mentor is {mention(p.mentor)}: ask them anything along the way."
                  if p.mentor else "A mentor will be paired with you soon.")
        intro = (
            f"👋 You're now {_where(p)}: the contact point for your agency's referrals and for "
            f"what the group does. {mentor}\n\nYour onboarding is this short checklist "
            f"({count} done). Press *Tick* when you've done an item, here or on my App Home; "
            "*Help* explains it. Coming to a meeting, presenting a client and making your first "
            "referral tick their items by themselves."
        )
        return _message(f"Your onboarding as the champion for {p.agency}: {count} done",
                        [kit.section(intro), *checklist_blocks(p)])
    if n.kind is Kind.PAIRED:
        titles = "\n".join(f"• {escape(i.title)}" for i in p.items)
        text = (
            f"🤝 {mention(p.champion)} is now {_where(p)}, and you're their mentor. Their "
            f"checklist ({count} done):\n{titles}\n\nI'll send you a weekly digest of your "
            "mentees, and tell you if they go two weeks without progress. Your App Home shows "
            "their progress with a *Nudge* button."
        )
        return _message(f"You're mentoring a new champion, {p.agency}", [kit.section(text)])
    if n.kind is Kind.STALLED:
        mentor = f" Your mentor {mention(p.mentor)} is happy to help." if p.mentor else ""
        text = (f"⏳ It's been two weeks since your last onboarding step ({count} done)."
                f"{upcoming}{mentor} Tick an item when it's done.")
        return _message("Your onboarding: two weeks without progress",
                        [kit.section(text), *checklist_blocks(p, open_only=True)])
    if n.kind is Kind.MENTEE_STALLED:
        text = (f"⏳ {mention(p.champion)} ({escape(p.agency)}, {escape(p.group)}) has made no "
                f"onboarding progress for two weeks: {escape(progress_line(p))}.{upcoming} A short "
                "chat may help; *Nudge* sends them a kind reminder.")
        return _message("A mentee's onboarding has stalled", [kit.section(
            text, accessory=kit.button("Nudge", ActionId.MENTEE_NUDGE, str(p.champion_id)))])
    if n.kind is Kind.NUDGE:
        by = mention(n.by) if n.by else "Your mentor"
        text = (f"🙂 {by}, your mentor, is checking in on your onboarding: {count} done."
                f"{upcoming} Anything they can help with? Just reply to them.")
        return _message("Your mentor is checking in on your onboarding",
                        [kit.section(text), *checklist_blocks(p, open_only=True)])
    if n.kind in (Kind.COMPLETE, Kind.COMPLETE_WELCOME):
        text = (f"🎉 {mention(p.champion)} has completed their onboarding as {_where(p)} "
                f"({len(p.items)} items, started {day(p.started_on)}).")
        blocks = [kit.section(text)]
        if n.kind is Kind.COMPLETE_WELCOME:
            blocks.append(kit.actions(kit.button("Welcome to the channel",
                                                 ActionId.WELCOME_CHAMPION,
                                                 str(p.champion_id), style="primary")))
        return _message(f"The champion for {p.agency} completed their onboarding", blocks)
    if n.kind is Kind.CHANNEL_WELCOME:
        text = (f"👋 Please welcome {mention(p.champion)}, the champion for "
                f"{escape(p.agency)}: the contact point for referrals from {escape(p.agency)}.")
        return _message(f"Welcome, the champion for {p.agency}", [kit.section(text)])
    # The weekly digest.
    lines = [kit.section(f"📋 Your mentees' onboarding this week ({len(n.mentees)}):")]
    for m in n.mentees[:MAX_DIGEST]:
        step = _next(m)
        nxt_text = f"; next: {escape(step.title)}" if step else ""
        lines.append(kit.section(
            f"{mention(m.champion)} · {escape(m.agency)} · {escape(m.group)}: "
            f"{escape(progress_line(m))}{nxt_text}",
            accessory=kit.button("Nudge", ActionId.MENTEE_NUDGE, str(m.champion_id))))
    if len(n.mentees) > MAX_DIGEST:
        lines.append(kit.context(f"…and {len(n.mentees) - MAX_DIGEST} more on your App Home."))
    return _message("Your mentees' onboarding this week", lines)


def help_text(item: OnboardingItem) -> str:
    """An item's help, as an ephemeral answer."""
    body = escape(item.help) if item.help else "No help text for this item yet: ask your mentor."
    return f"*{escape(item.title)}*\n{body}"


def tick_receipt(p: ChampionProgress, title: str) -> str:
    if p.completed_on is not None:
        return (f"✅ {escape(title)}. That's your whole checklist: congratulations! Your mentor "
                "and the secretariat have been told.")
    step = _next(p)
    nxt = f" Next: {escape(step.title)}." if step else ""
    return f"✅ {escape(title)} ({p.done} of {len(p.items)} done).{nxt}"
