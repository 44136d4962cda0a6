"""Business time shared by the playbook and the call records (no Qt): the work
calendar (working days, office hours) in ``workcalendar``, and date specs with the
way a due time is said in ``dates``."""
