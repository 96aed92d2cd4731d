"""Scheduled jobs, lost tasks, reminders and readiness (operations/, reminders/): part of the
shared settings (base.py imports everything here), kept apart to keep each module readable."""

import os

# --- Scheduled jobs and readiness (operations/) -------------------------------------------
# name: (management command and its arguments, period in seconds). `manage.py run_jobs`,
# started every minute on every instance, runs each job once per period across all of them.
# A deployment changes a period with APPRODO_SCHEDULE_<NAME>_EVERY=<seconds> (0: off).
APPRODO_SCHEDULE = {
    "publish_scheduled": (["publish_scheduled"], 60),
    "worker_heartbeat": (["worker_heartbeat"], 60),
    "send_queued_emails": (["send_queued_emails"], 5 * 60),
    "remind_follow_ups": (["remind_follow_ups"], 24 * 60 * 60),
    # Reminders (reminders app): daily runs, each reminder once per period however often.
    "remind_companies": (["send_reminders", "--to", "companies"], 24 * 60 * 60),
    "remind_staff": (["send_reminders", "--to", "staff"], 24 * 60 * 60),
    "weekly_digests": (["send_digests"], 24 * 60 * 60),
    "purge_personal_data": (["purge_personal_data", "--apply"], 24 * 60 * 60),
    "prune_db_task_results": (["prune_db_task_results"], 24 * 60 * 60),
    "recover_lost_tasks": (["recover_lost_tasks"], 5 * 60),
}
# A task still "running" after this many seconds lost its worker (operations/recovery.py):
# the project's tasks take seconds. Those below, whose second run does no harm, go back to
# the queue; the others (notifications, which would e-mail twice) are marked failed.
APPRODO_TASK_LOST_AFTER = int(os.environ.get("APPRODO_TASK_LOST_AFTER", str(15 * 60)))
APPRODO_REPEATABLE_TASKS = [
    "operations.tasks.worker_heartbeat",
    "mail.outbox.deliver_email",  # sends only what its row says is unsent, under a row lock
    "allowance.tasks.compute_statements",  # a second run over a month adds nothing
    "wagtail.tasks.update_reference_index_task",
    "wagtail.tasks.delete_file_from_storage_task",
    "wagtail.images.tasks.set_image_focal_point_task",
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task",
    "modelsearch.tasks.insert_or_update_object_task",
]
# The reminders' delays (days), overriding reminders.conf.DEFAULTS for this deployment:
# APPRODO_REMINDERS="dossier_idle_days=10,digest_weekday=0" in the environment.
APPRODO_REMINDERS = {
    name.strip(): int(value)
    for name, _sep, value in (
        item.partition("=") for item in os.environ.get("APPRODO_REMINDERS", "").split(",")
    )
    if name.strip()
}
# /readyz also needs a scheduler and a task worker seen within this many seconds (production).
APPRODO_READY_NEEDS_BACKGROUND = False
APPRODO_HEARTBEAT_MAX_AGE = int(os.environ.get("APPRODO_HEARTBEAT_MAX_AGE", "300"))
