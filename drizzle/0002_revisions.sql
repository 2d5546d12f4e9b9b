CREATE TABLE `salon_revisions` (
	`salon_id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `salon_revisions` (`salon_id`) SELECT `id` FROM `salons`;
--> statement-breakpoint
CREATE TRIGGER `salons_revision_start` AFTER INSERT ON `salons` BEGIN
  INSERT INTO `salon_revisions` (`salon_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `salons_revision_update` AFTER UPDATE ON `salons` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_revision_insert` AFTER INSERT ON `reservations` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_revision_update` AFTER UPDATE ON `reservations` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_revision_delete` AFTER DELETE ON `reservations` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_revision_insert` AFTER INSERT ON `customers` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_revision_update` AFTER UPDATE ON `customers` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_revision_delete` AFTER DELETE ON `customers` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `staff_revision_insert` AFTER INSERT ON `staff` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `staff_revision_update` AFTER UPDATE ON `staff` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `staff_revision_delete` AFTER DELETE ON `staff` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facilities_revision_insert` AFTER INSERT ON `facilities` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facilities_revision_update` AFTER UPDATE ON `facilities` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facilities_revision_delete` AFTER DELETE ON `facilities` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `salon_hours_revision_insert` AFTER INSERT ON `salon_hours` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `salon_hours_revision_update` AFTER UPDATE ON `salon_hours` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `salon_hours_revision_delete` AFTER DELETE ON `salon_hours` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_overrides_revision_insert` AFTER INSERT ON `capacity_overrides` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_overrides_revision_update` AFTER UPDATE ON `capacity_overrides` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_overrides_revision_delete` AFTER DELETE ON `capacity_overrides` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
