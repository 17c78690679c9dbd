-- The day by which a need is needed ("shifts or deadline"), when its organization gives one.
alter table needs add column deadline date;
