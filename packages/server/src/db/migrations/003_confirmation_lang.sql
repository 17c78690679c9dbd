-- The confirmation page opens in the language of the email that carried its link.
alter table confirmations add column lang text not null default 'fr';
