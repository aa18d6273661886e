-- Which recorded review messages are the bot's own (the ones it may edit when a review expires) and which are the
-- operators' correction replies.
ALTER TABLE operator_review_messages ADD COLUMN from_bot BOOLEAN NOT NULL DEFAULT true;
